#!/usr/bin/python3
"""Regenerates the golden files for ResizerTest with PIL 9.4 + torchvision 0.14 (Debian).

Run from this folder with /usr/bin/python3 generate.py. Writes two deterministic inputs
(src_*.png), the PIL/torchvision output of every case in cases.txt (out_*.png) and the
ToTensor+Normalize floats of the top-left 12x8 of src_small.png
(tensor_small.bin, float32 little-endian, CHW).
"""
import numpy as np
import torch
import torchvision.transforms.functional as F
from PIL import Image

rng = np.random.RandomState(1234)


def noise(w, h):
    return Image.fromarray(rng.randint(0, 256, (h, w, 3), dtype=np.uint8), "RGB")


def gradient(w, h):
    y, x = np.mgrid[0:h, 0:w]
    wave = 128 + 110 * np.sin(x / 4.0) * np.cos(y / 6.0)
    arr = np.stack([x * 255 // (w - 1), y * 255 // (h - 1), wave], axis=2)
    arr[::17, ::13] = rng.randint(0, 256, arr[::17, ::13].shape)  # a few sharp dots
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


sources = {"small": noise(37, 23), "large": gradient(203, 151)}
for name, img in sources.items():
    img.save(f"src_{name}.png")

# name, source, out width, out height, mode, mode arguments
CASES = [
    ("large_64", "large", 64, 64, "full", ()),
    ("large_32", "large", 32, 32, "full", ()),
    ("large_7", "large", 7, 7, "full", ()),
    ("large_100", "large", 100, 100, "full", ()),
    ("large_50x13", "large", 50, 13, "full", ()),
    ("small_64", "small", 64, 64, "full", ()),
    ("small_100x30", "small", 100, 30, "full", ()),
    ("small_7x5", "small", 7, 5, "full", ()),
    ("small_80x10", "small", 80, 10, "full", ()),
    ("small_37x9", "small", 37, 9, "full", ()),
    ("large_box_float", "large", 40, 30, "box", (3.5, 2.25, 150.75, 120.0)),
    ("large_box_int", "large", 64, 64, "box", (10, 20, 74, 84)),
    ("small_box_up", "small", 50, 40, "box", (1.25, 0.5, 20.0, 22.75)),
    ("large_crop_24", "large", 24, 24, "crop", (5, 17, 90, 120)),
    ("large_crop_64", "large", 64, 64, "crop", (100, 150, 51, 53)),
    ("small_crop_full", "small", 16, 16, "crop", (0, 0, 23, 37)),
    ("small_crop_same", "small", 5, 4, "crop", (3, 2, 4, 5)),
    # Resize((h, w), BICUBIC), and DINOv2/CLIP-style Resize(r, BICUBIC) + CenterCrop(s)
    ("large_bicubic_64", "large", 64, 64, "bicubic", ()),
    ("large_bicubic_7x13", "large", 7, 13, "bicubic", ()),
    ("small_bicubic_up", "small", 90, 41, "bicubic", ()),
    ("large_short_40_32", "large", 32, 32, "shortcrop", (40,)),
    ("large_short_32_32", "large", 32, 32, "shortcrop", (32,)),
    ("small_short_30_24", "small", 24, 24, "shortcrop", (30,)),
    ("small_short_10_16", "small", 16, 16, "shortcrop", (10,)),
]

with open("cases.txt", "w") as fh:
    fh.write("# name source width height mode args (written by generate.py)\n")
    for name, src, w, h, mode, args in CASES:
        img = sources[src]
        if mode == "full":
            out = F.resize(img, [h, w])  # torchvision Resize((h, w)) on PIL = img.resize BILINEAR
        elif mode == "box":
            out = img.resize((w, h), Image.BILINEAR, box=args)
        elif mode == "bicubic":
            out = F.resize(img, [h, w], interpolation=F.InterpolationMode.BICUBIC)
        elif mode == "shortcrop":
            out = F.center_crop(F.resize(img, [args[0]], interpolation=F.InterpolationMode.BICUBIC), [h, w])
        else:
            top, left, ch, cw = args
            out = F.resized_crop(img, top, left, ch, cw, [h, w])
        assert out.size == (w, h)
        out.save(f"out_{name}.png")
        fh.write(" ".join([name, src, str(w), str(h), mode] + [repr(a) for a in args]) + "\n")

norm = F.normalize(F.to_tensor(sources["small"].crop((0, 0, 12, 8))), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
norm.numpy().astype("<f4").tofile("tensor_small.bin")
