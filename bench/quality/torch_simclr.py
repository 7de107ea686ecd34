#!/usr/bin/python3
"""The peer of bench/quality: SimCLR with the same recipe in PyTorch (Debian's python3-torch), on the
same class folders: Lightly's CIFAR-style ResNet (module layout of cli/src/test/resources/parity/
make_fixtures.py), Lightly's view transform in torchvision, NT-Xent, SGD with optional momentum and a
warmup + cosine schedule; then the backbone embeds the train and test folders with Lightly's embed
transform into embeddings.csv files that bench/quality/Knn.java scores.

Usage: torch_simclr.py TRAIN_DIR TEST_DIR OUT_DIR [--epochs 30] [--batch 64] [--size 32] [--arch resnet-9]
       [--width 0.25] [--ftrs 32] [--lr 1.0] [--momentum 0] [--wd 1e-5] [--temperature 0.5]
       [--scheduler none|cosine] [--warmup 0] [--min-scale 0.15] [--blur 0.5] [--cj-prob 0.8]
       [--gray 0.2] [--workers 2] [--threads 2] [--seed 1]
Prints: torch_train_s=..."""
import argparse
import csv
import math
import os
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.transforms as T
from PIL import Image, ImageFilter
from torch.utils.data import DataLoader, Dataset

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'cli', 'src', 'test', 'resources', 'parity'))
from make_fixtures import SimCLR, folder_rows  # noqa: E402  (Lightly's module layout, scan order)

UNITS = {'resnet-9': [1, 1, 1, 1], 'resnet-18': [2, 2, 2, 2], 'resnet-34': [3, 4, 6, 3]}
MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


class Blur:
    """Lightly 1.2.47's GaussianBlur: PIL blur with a radius drawn from sigmas, with probability p."""

    def __init__(self, p, sigmas=(0.2, 2.0)):
        self.p, self.sigmas = p, sigmas

    def __call__(self, img):
        if random.random() < self.p:
            return img.filter(ImageFilter.GaussianBlur(radius=random.uniform(*self.sigmas)))
        return img


class Views(Dataset):
    def __init__(self, root, transform):
        self.root, self.rows, self.transform = root, folder_rows(root), transform

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        img = Image.open(os.path.join(self.root, self.rows[i])).convert('RGB')
        return self.transform(img), self.transform(img)


def nt_xent(z0, z1, temperature):
    z = F.normalize(torch.cat([z0, z1]), dim=1)
    logits = z @ z.T / temperature
    logits.fill_diagonal_(-1e9)
    n = z0.shape[0]
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, target)


def embed(model, root, size, out):
    tf = T.Compose([T.Resize((size, size)), T.ToTensor(), T.Normalize(MEAN, STD)])
    rows = folder_rows(root)
    classes = sorted({r.split('/')[0] for r in rows})
    with open(out, 'w', newline='') as fh, torch.no_grad():
        w = csv.writer(fh)
        w.writerow(['filenames'] + [f'embedding_{i}' for i in range(model.backbone[-2].out_channels)] + ['labels'])
        for start in range(0, len(rows), 256):
            batch = rows[start:start + 256]
            x = torch.stack([tf(Image.open(os.path.join(root, r)).convert('RGB')) for r in batch])
            for name, e in zip(batch, model.backbone(x).flatten(1)):
                w.writerow([name] + [f'{float(v):.6g}' for v in e] + [classes.index(name.split('/')[0])])


def main():
    ap = argparse.ArgumentParser()
    for name, default in [('epochs', 30), ('batch', 64), ('size', 32), ('ftrs', 32), ('warmup', 0),
                          ('workers', 2), ('threads', 2), ('seed', 1)]:
        ap.add_argument('--' + name, type=int, default=default)
    for name, default in [('width', 0.25), ('lr', 1.0), ('momentum', 0.0), ('wd', 1e-5), ('temperature', 0.5),
                          ('min-scale', 0.15), ('blur', 0.5), ('cj-prob', 0.8), ('gray', 0.2)]:
        ap.add_argument('--' + name, type=float, default=default)
    ap.add_argument('--arch', default='resnet-9')
    ap.add_argument('--scheduler', default='none', choices=['none', 'cosine'])
    ap.add_argument('--optimizer', default='sgd', choices=['sgd', 'adamw'])
    ap.add_argument('--head-bn', action='store_true', help='BatchNorm after the head\'s first Linear')
    ap.add_argument('train'), ap.add_argument('test'), ap.add_argument('out')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    view = T.Compose([
        T.RandomResizedCrop(a.size, scale=(a.min_scale, 1.0)), T.RandomHorizontalFlip(0.5),
        T.RandomApply([T.ColorJitter(0.7, 0.7, 0.7, 0.2)], p=a.cj_prob), T.RandomGrayscale(a.gray),
        Blur(a.blur), T.ToTensor(), T.Normalize(MEAN, STD)])
    loader = DataLoader(Views(a.train, view), batch_size=a.batch, shuffle=True, drop_last=True,
                        num_workers=a.workers, persistent_workers=a.workers > 0)
    model = SimCLR(UNITS[a.arch], a.width, a.ftrs, 128)
    if a.head_bn:
        model.projection_head.layers = nn.Sequential(nn.Linear(a.ftrs, a.ftrs), nn.BatchNorm1d(a.ftrs), nn.ReLU(),
                                                     nn.Linear(a.ftrs, 128))
    if a.optimizer == 'adamw':
        opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=a.wd)
    else:
        opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=a.momentum, weight_decay=a.wd)
    per_epoch, warm = len(loader), a.warmup * len(loader)
    total = a.epochs * per_epoch

    def rate(step):  # the same schedule as lightly-java's LearningRate
        if step < warm:
            return (step + 1) / warm
        if a.scheduler == 'none':
            return 1.0
        return 0.5 * (1 + math.cos(math.pi * min(1.0, (step - warm) / max(1, total - warm))))
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, rate)
    start = time.perf_counter()
    model.train()
    for epoch in range(a.epochs):
        losses = []
        for x0, x1 in loader:
            loss = nt_xent(model.projection_head.layers(model.backbone(x0).flatten(1)),
                           model.projection_head.layers(model.backbone(x1).flatten(1)), a.temperature)
            opt.zero_grad()
            loss.backward()
            opt.step()
            schedule.step()
            losses.append(loss.item())
        print(f'epoch {epoch + 1}/{a.epochs}: loss {sum(losses) / len(losses):.4f}', file=sys.stderr)
    seconds = time.perf_counter() - start
    model.eval()
    os.makedirs(a.out, exist_ok=True)
    embed(model, a.train, a.size, os.path.join(a.out, 'train.csv'))
    embed(model, a.test, a.size, os.path.join(a.out, 'test.csv'))
    print(f'torch_train_s={seconds:.0f} loss={sum(losses) / len(losses):.4f}')


if __name__ == '__main__':
    main()
