#!/usr/bin/python3
"""Makes the parity fixtures of lightly-java: checkpoints as Lightly writes them, a small ONNX
export, a folder of mixed image formats, and what PyTorch computes from them.

Run with Debian's PyTorch (apt-get install python3-torch python3-torchvision python3-onnx
python3-pil imagemagick) from anywhere:  /usr/bin/python3 cli/src/test/resources/parity/make_fixtures.py
The outputs are committed, so neither the build nor CI needs PyTorch. Seeds are fixed.

Lightly's CLI network is rebuilt here with its module names (lightly/models/resnet.py and
lightly/cli/_helpers.py of lightly 1.2): backbone = Sequential(BatchNorm2d(3), conv1, bn1, layer1..4,
Conv2d(-> num_ftrs, 1x1), AdaptiveAvgPool2d(1)); projection_head.layers = Linear, ReLU, Linear.

Outputs (in this folder):
  whattolabel-resnet9-simclr-d16-w0.125-i-7269c38d.pth  zoo layout: legacy (pre-zip) torch format,
        'state_dict' with the old 'model.features.N' and 'model.projection_head.N' names
  lightly_epoch_7.ckpt   lightly-train layout: zip format, PyTorch Lightning keys (epoch, global_step,
        callbacks, optimizer_states, ...), 'model.backbone.*' and 'model.projection_head.layers.*'
        (the same weights as the .pth)
  lightning13.ckpt       as Lightning 1.3 wrote it: callback state keyed by the ModelCheckpoint class
  evil.pth               a pickle that would call os.system when torch.load ran it
  tiny_encoder.onnx      a small ViT-style encoder (patch conv, attention, LayerNorm, GELU) exported with
        opset 13 and a dynamic batch axis; outputs last_hidden_state (N, 17, 32) and image_embeds (N, 24)
  nhwc.onnx, int_input.onnx   models whose input is not a float NCHW image
  mixed/                 examples/farm photos in other formats (PNG, palette PNG, 16-bit PNG/TIFF,
        TIFF, BMP, WebP lossy and lossless, progressive, CMYK and grey JPEG, EXIF-rotated JPEG)
  expected_lightly_farm.csv, expected_lightly_mixed.csv   the backbone's embeddings (resnet-9,
        width 0.125, num_ftrs 16, input 64, Lightly's transform: Resize((64, 64)), ToTensor, ImageNet
        Normalize)
  expected_onnx_farm.csv, expected_onnx_mixed.csv   the encoder module (PyTorch, not ONNX Runtime) on
        Resize(36, bicubic), CenterCrop(32), CLIP's mean/std; image_embeds L2-normalised
  expected_fixed_inputs.json   outputs for a fixed synthetic batch (no image decoding involved)
"""
import csv
import json
import os
import subprocess
import sys
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.transforms as T
from PIL import Image, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..', '..'))
FARM = os.path.join(ROOT, 'examples', 'farm')
MIXED = os.path.join(HERE, 'mixed')
IM = '/usr/bin/convert'
EXT = ('.jpg', '.jpeg', '.png', '.ppm', '.bmp', '.pgm', '.tif', '.tiff', '.webp')


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, cin, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != planes:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, planes, 1, stride, bias=False),
                                          nn.BatchNorm2d(planes))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(y)) + self.shortcut(x))


def lightly_backbone(units, width, num_ftrs):
    base = int(64 * width)
    mods = [nn.BatchNorm2d(3), nn.Conv2d(3, base, 3, 1, 1, bias=False), nn.BatchNorm2d(base)]
    cin = base
    for stage, (n, stride) in enumerate(zip(units, [1, 2, 2, 2])):
        planes = base * 2 ** stage
        blocks = []
        for j in range(n):
            blocks.append(BasicBlock(cin, planes, stride if j == 0 else 1))
            cin = planes
        mods.append(nn.Sequential(*blocks))
    mods += [nn.Conv2d(cin, num_ftrs, 1), nn.AdaptiveAvgPool2d(1)]
    return nn.Sequential(*mods)


class ProjectionHead(nn.Module):
    def __init__(self, num_ftrs, out_dim):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(num_ftrs, num_ftrs), nn.ReLU(), nn.Linear(num_ftrs, out_dim))


class SimCLR(nn.Module):
    def __init__(self, units, width, num_ftrs, out_dim):
        super().__init__()
        self.backbone = lightly_backbone(units, width, num_ftrs)
        self.projection_head = ProjectionHead(num_ftrs, out_dim)


def randomise_batch_norms(model, gen):
    """Trained networks have BatchNorm statistics far from 0 and 1: make them matter."""
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            c = m.num_features
            m.weight.data = 1 + 0.2 * torch.randn(c, generator=gen)
            m.bias.data = 0.2 * torch.randn(c, generator=gen)
            m.running_mean = 0.3 * torch.randn(c, generator=gen)
            m.running_var = 0.5 + torch.rand(c, generator=gen)
            m.num_batches_tracked = torch.tensor(1234)


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x):
        n, t, d = x.shape
        qkv = self.qkv(x).reshape(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        a = torch.softmax(q @ k.transpose(-1, -2) / (d // self.heads) ** 0.5, dim=-1)
        return self.out((a @ v).transpose(1, 2).reshape(n, t, d))


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1, self.attn = nn.LayerNorm(dim), Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class TinyEncoder(nn.Module):
    """A ViT in miniature: what a DINOv2 or CLIP image encoder export looks like to ONNX Runtime."""

    def __init__(self, dim=32, patch=8, size=32, depth=2, heads=4, out=24):
        super().__init__()
        self.patch = nn.Conv2d(3, dim, patch, patch)
        self.cls = nn.Parameter(0.5 * torch.randn(1, 1, dim))
        self.pos = nn.Parameter(0.5 * torch.randn(1, (size // patch) ** 2 + 1, dim))
        self.blocks = nn.ModuleList(Block(dim, heads) for _ in range(depth))
        self.norm = nn.LayerNorm(dim)
        self.proj = nn.Linear(dim, out)

    def forward(self, x):
        t = self.patch(x).flatten(2).transpose(1, 2)
        t = torch.cat([self.cls.expand(x.shape[0], -1, -1), t], dim=1) + self.pos
        for b in self.blocks:
            t = b(t)
        t = self.norm(t)
        return t, self.proj(t[:, 0])


def sh(*args):
    subprocess.run(args, check=True)


def make_mixed():
    """Photos of examples/farm in the formats real folders hold."""
    os.makedirs(MIXED, exist_ok=True)
    for f in os.listdir(MIXED):
        os.remove(os.path.join(MIXED, f))
    names = {'fields': 'field', 'skies': 'sky', 'barns': 'barn'}
    src = lambda c, i: os.path.join(FARM, c, f'{names[c]}_{i:02d}.jpg')
    out = lambda name: os.path.join(MIXED, name)
    Image.open(src('fields', 0)).save(out('field.png'))
    Image.open(src('skies', 1)).convert('P', palette=Image.ADAPTIVE, colors=64).save(out('sky_palette.png'))
    Image.open(src('barns', 2)).save(out('barn.bmp'))
    Image.open(src('fields', 3)).save(out('field.tif'))
    Image.open(src('skies', 4)).save(out('sky_lossy.webp'), quality=80)
    Image.open(src('barns', 5)).save(out('barn_lossless.webp'), lossless=True)
    Image.open(src('fields', 6)).save(out('field_progressive.jpg'), quality=90, progressive=True)
    Image.open(src('skies', 7)).convert('L').save(out('sky_grey.jpg'), quality=90)
    Image.open(src('barns', 8)).save(out('barn.ppm'))
    sh(IM, src('fields', 9), '-depth', '16', '-define', 'png:bit-depth=16', 'PNG48:' + out('field16.png'))
    sh(IM, src('skies', 10), '-depth', '16', '-compress', 'lzw', out('sky16.tif'))
    sh(IM, src('barns', 11), '-colorspace', 'CMYK', '-quality', '92', out('barn_cmyk.jpg'))
    # an upright photo stored sideways with EXIF Orientation 6 (rotate 90 clockwise to view)
    img = Image.open(src('barns', 0)).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    img.save(out('barn_rotated.jpg'), quality=90, exif=exif.tobytes())


def folder_rows(root):
    """Lightly's scan: class folders (sorted, files sorted, recursive) or a flat folder."""
    subs = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    if not subs:
        return sorted(f for f in os.listdir(root) if f.lower().endswith(EXT))
    rows = []
    for d in subs:
        for dp, _, fs in sorted(os.walk(os.path.join(root, d))):
            rows += [os.path.relpath(os.path.join(dp, f), root) for f in sorted(fs) if f.lower().endswith(EXT)]
    return rows


def load_rgb(path):
    # lightly-java turns photos upright by their EXIF orientation; Lightly (PIL) does not. The
    # reference does what lightly-java does, so the comparison tests the numbers, not that choice.
    return ImageOps.exif_transpose(Image.open(path)).convert('RGB')


def write_embeddings(path, root, fn):
    with open(path, 'w', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        for name in folder_rows(root):
            with torch.no_grad():
                e = fn(load_rgb(os.path.join(root, name)))
            w.writerow([name] + [repr(float(v)) for v in e])


def export_onnx(module, example, path, inputs, outputs, dynamic):
    torch.onnx.export(module, example, path, opset_version=13, input_names=inputs, output_names=outputs,
                      dynamic_axes=dynamic, do_constant_folding=True)


def main():
    gen = torch.Generator().manual_seed(7)
    torch.manual_seed(7)

    # Lightly's network, as lightly-train would have left it
    model = SimCLR([1, 1, 1, 1], 0.125, 16, 128)
    randomise_batch_norms(model, gen)
    model.eval()
    state = model.state_dict()
    lightning = {'model.' + k: v for k, v in state.items()}
    legacy = {}
    for k, v in lightning.items():
        k = k.replace('model.backbone.', 'model.features.').replace('projection_head.layers.', 'projection_head.')
        legacy[k] = v
    torch.save({'state_dict': legacy}, os.path.join(HERE, 'whattolabel-resnet9-simclr-d16-w0.125-i-7269c38d.pth'),
               _use_new_zipfile_serialization=False)
    sgd = torch.optim.SGD(model.parameters(), lr=1.0, weight_decay=1e-5)
    callback = {'monitor': 'loss', 'best_model_score': torch.tensor(4.1205),
                'best_model_path': '/data/lightly_outputs/2022-03-01/10-00-00/lightly_epoch_7.ckpt',
                'current_score': torch.tensor(4.1205), 'dirpath': '/data/lightly_outputs/2022-03-01/10-00-00',
                'best_k_models': {'/data/lightly_outputs/2022-03-01/10-00-00/lightly_epoch_7.ckpt': torch.tensor(4.1205)},
                'kth_best_model_path': '', 'kth_value': torch.tensor(float('inf')), 'last_model_path': ''}
    checkpoint = {'epoch': 7, 'global_step': 2048, 'pytorch-lightning_version': '1.7.7',
                  'state_dict': lightning,
                  'loops': {'fit_loop': {'state_dict': {}, 'epoch_progress': {'total': {'ready': 8, 'completed': 7}}}},
                  'callbacks': {"ModelCheckpoint{'monitor': 'loss', 'mode': 'min', 'every_n_train_steps': 0, "
                                "'every_n_epochs': 1, 'train_time_interval': None, 'save_on_train_epoch_end': True}":
                                callback},
                  'optimizer_states': [sgd.state_dict()], 'lr_schedulers': []}
    torch.save(checkpoint, os.path.join(HERE, 'lightly_epoch_7.ckpt'))

    # Lightning 1.3 keyed callback states by their class: the pickle names the class, never calls it
    fake = types.ModuleType('pytorch_lightning.callbacks.model_checkpoint')
    ModelCheckpoint = type('ModelCheckpoint', (), {'__module__': fake.__name__})
    fake.ModelCheckpoint = ModelCheckpoint
    for name in ('pytorch_lightning', 'pytorch_lightning.callbacks', fake.__name__):
        sys.modules.setdefault(name, types.ModuleType(name))
    sys.modules[fake.__name__] = fake
    torch.save({'epoch': 7, 'global_step': 2048, 'pytorch-lightning_version': '1.3.8', 'state_dict': lightning,
                'callbacks': {ModelCheckpoint: {'best_model_score': torch.tensor(4.1205)}}},
               os.path.join(HERE, 'lightning13.ckpt'))

    class Evil:
        def __reduce__(self):
            return os.system, ('echo this ran code from a checkpoint',)
    torch.save({'state_dict': {'model.backbone.0.weight': torch.zeros(3)}, 'payload': Evil()},
               os.path.join(HERE, 'evil.pth'))

    # a small encoder exported to ONNX
    encoder = TinyEncoder().eval()
    example = torch.linspace(-1, 1, 2 * 3 * 32 * 32).reshape(2, 3, 32, 32)
    export_onnx(encoder, example, os.path.join(HERE, 'tiny_encoder.onnx'), ['pixel_values'],
                ['last_hidden_state', 'image_embeds'],
                {'pixel_values': {0: 'batch'}, 'last_hidden_state': {0: 'batch'}, 'image_embeds': {0: 'batch'}})
    nhwc = nn.Sequential(nn.Flatten(), nn.Linear(32 * 32 * 3, 4)).eval()
    export_onnx(nhwc, torch.zeros(1, 32, 32, 3), os.path.join(HERE, 'nhwc.onnx'), ['image'], ['embedding'], None)

    class IntInput(nn.Module):
        def forward(self, x):
            return x.float().mean(dim=(2, 3))
    export_onnx(IntInput(), torch.zeros(1, 3, 32, 32, dtype=torch.int64), os.path.join(HERE, 'int_input.onnx'),
                ['image'], ['embedding'], None)

    make_mixed()
    lightly_tf = T.Compose([T.Resize((64, 64)), T.ToTensor(),
                            T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    clip_tf = T.Compose([T.Resize(36, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(32), T.ToTensor(),
                         T.Normalize([0.48145466, 0.4578275, 0.40821073], [0.26862954, 0.26130258, 0.27577711])])
    lightly_fn = lambda img: model.backbone(lightly_tf(img)[None]).flatten(1)[0]
    onnx_fn = lambda img: F.normalize(encoder(clip_tf(img)[None])[1], dim=1)[0]
    for name, root in (('farm', FARM), ('mixed', MIXED)):
        write_embeddings(os.path.join(HERE, f'expected_lightly_{name}.csv'), root, lightly_fn)
        write_embeddings(os.path.join(HERE, f'expected_onnx_{name}.csv'), root, onnx_fn)

    with torch.no_grad():
        x64 = torch.linspace(-2, 2, 2 * 3 * 64 * 64).reshape(2, 3, 64, 64)
        fixed = {'input': 'linspace(-2, 2, n) reshaped to (2, 3, S, S), S = 64 for Lightly, 32 for ONNX',
                 'lightly_backbone': model.backbone(x64).flatten(1).tolist(),
                 'lightly_projection': model.projection_head.layers(model.backbone(x64).flatten(1)).tolist(),
                 'onnx_image_embeds': encoder(torch.linspace(-2, 2, 2 * 3 * 32 * 32).reshape(2, 3, 32, 32))[1].tolist()}
    with open(os.path.join(HERE, 'expected_fixed_inputs.json'), 'w') as fh:
        json.dump(fixed, fh, indent=1)


if __name__ == '__main__':
    main()
