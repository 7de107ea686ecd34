#!/usr/bin/python3
"""The ONNX row of bench/embed: a DINOv2-shaped ViT-S/14 (torchvision's VisionTransformer with
DINOv2 ViT-S/14's sizes: patch 14, 12 layers, 6 heads, width 384; random weights, seeded; the CLS
token is the embedding) exported to ONNX, and the module it was exported from run end to end in
PyTorch on the same images with the same preprocessing (DINOv2's: shorter side to 256 bicubic,
centre crop 224, ImageNet mean/std).

  onnx_peer.py export OUT_DIR          writes OUT_DIR/vits14.onnx and OUT_DIR/vits14.pt (the module)
  onnx_peer.py run IMAGE_DIR OUT_DIR [--workers 2] [--threads 2] [--batch 16]
                                       embeds with the module, prints img_per_s, writes torch.csv
Needs Debian's python3-torch, python3-torchvision, python3-onnx, python3-pil (/usr/bin/python3)."""
import argparse
import csv
import os
import time

import torch
import torchvision.transforms as T
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.models.vision_transformer import VisionTransformer

EXT = ('.jpg', '.jpeg', '.png')


def vits14():
    torch.manual_seed(14)
    model = VisionTransformer(image_size=224, patch_size=14, num_layers=12, num_heads=6, hidden_dim=384,
                              mlp_dim=1536)
    model.heads = torch.nn.Identity()
    return model.eval()


class Folder(Dataset):
    def __init__(self, root, tf):
        self.root, self.tf = root, tf
        self.names = sorted(f for f in os.listdir(root) if f.lower().endswith(EXT))

    def __len__(self):
        return len(self.names)

    def __getitem__(self, i):
        return self.tf(Image.open(os.path.join(self.root, self.names[i])).convert('RGB')), self.names[i]


def export(out):
    os.makedirs(out, exist_ok=True)
    model = vits14()
    torch.save(model.state_dict(), os.path.join(out, 'vits14.pt'))
    # with gradients on, attention takes its exportable path (not the fused inference kernel)
    torch.onnx.export(model, torch.randn(1, 3, 224, 224), os.path.join(out, 'vits14.onnx'), opset_version=14,
                      input_names=['pixel_values'], output_names=['embedding'],
                      dynamic_axes={'pixel_values': {0: 'batch'}, 'embedding': {0: 'batch'}})


def run(images, out, workers, threads, batch):
    torch.set_num_threads(threads)
    model = vits14()
    model.load_state_dict(torch.load(os.path.join(out, 'vits14.pt')))
    tf = T.Compose([T.Resize(256, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(224), T.ToTensor(),
                    T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    loader = DataLoader(Folder(images, tf), batch_size=batch, num_workers=workers)
    rows, n, start = [], 0, time.perf_counter()
    with torch.no_grad():
        for x, names in loader:
            rows += [[name] + e.tolist() for name, e in zip(names, model(x))]
            n += len(names)
    seconds = time.perf_counter() - start
    with open(os.path.join(out, 'torch.csv'), 'w', newline='') as fh:
        csv.writer(fh).writerows(rows)
    print(f'torch {torch.__version__} onnx-peer images={n} seconds={seconds:.2f} img_per_s={n / seconds:.2f}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode', choices=['export', 'run'])
    ap.add_argument('paths', nargs='+')
    ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--batch', type=int, default=16)
    a = ap.parse_args()
    if a.mode == 'export':
        export(a.paths[0])
    else:
        run(a.paths[0], a.paths[1], a.workers, a.threads, a.batch)


if __name__ == '__main__':
    main()
