#!/usr/bin/python3
"""Regenerates the golden files for the org.lightlyjava.augment tests with PIL 9.4 and
torchvision 0.14 (Debian). Run from this folder with /usr/bin/python3 generate.py.

Inputs: src_noise.png (32x24 random colours), src_square.png (33x33 random colours) and
src_cube.png (64x64, every colour of the RGB cube in steps of 17). Each line of cases.txt is
"name source op args"; out_<name>.png is what torchvision/PIL give for it. Op "view" chains the
SimCLR steps with fixed parameters (crop top left h w size, angle, hflip, vflip, jitter order
and factors, gray, blur sigma) exactly as Lightly's ImageCollateFunction applies them.
"""
import numpy as np
import torchvision.transforms.functional as F
from PIL import Image, ImageFilter

rng = np.random.RandomState(4321)


def noise(w, h):
    arr = rng.randint(0, 256, (h, w, 3), dtype=np.uint8)
    arr[0, :6] = [[0, 0, 0], [255, 255, 255], [128, 128, 128], [255, 0, 0], [0, 255, 0], [0, 0, 255]]
    return Image.fromarray(arr, "RGB")


def cube():
    v = np.arange(16, dtype=np.uint8) * 17
    r, g, b = np.meshgrid(v, v, v, indexing="ij")
    return Image.fromarray(np.stack([r, g, b], axis=-1).reshape(64, 64, 3), "RGB")


SOURCES = {"noise": noise(32, 24), "square": noise(33, 33), "cube": cube()}
for key, image in SOURCES.items():
    image.save(f"src_{key}.png")


def jitter(img, order, factors):
    ops = [F.adjust_brightness, F.adjust_contrast, F.adjust_saturation, F.adjust_hue]
    for i in order:
        if factors[i] is not None:
            img = ops[i](img, factors[i])
    return img


def view(img, a):
    top, left, h, w, size, angle, hflip, vflip, order, b, c, s, hue, gray, sigma = a
    img = F.resized_crop(img, top, left, h, w, [size, size])
    if angle:
        img = F.rotate(img, angle)  # what RandomRotate(90) and RandomRotation(d) both call
    if hflip:
        img = F.hflip(img)
    if vflip:
        img = F.vflip(img)
    if order:
        img = jitter(img, order, [b, c, s, hue])
    if gray:
        img = F.rgb_to_grayscale(img, num_output_channels=3)
    if sigma:
        img = img.filter(ImageFilter.GaussianBlur(radius=sigma))  # Lightly v1.2.47 GaussianBlur
    return img


OPS = {
    "brightness": lambda img, a: F.adjust_brightness(img, a[0]),
    "contrast": lambda img, a: F.adjust_contrast(img, a[0]),
    "saturation": lambda img, a: F.adjust_saturation(img, a[0]),
    "hue": lambda img, a: F.adjust_hue(img, a[0]),
    "gray": lambda img, a: F.rgb_to_grayscale(img, num_output_channels=3),
    "blur": lambda img, a: img.filter(ImageFilter.GaussianBlur(radius=a[0])),
    "rotate": lambda img, a: F.rotate(img, a[0]),
    "view": view,
}

CASES = [
    ("brightness_1.3", "noise", "brightness", (1.3,)),
    ("brightness_0.6", "noise", "brightness", (0.6,)),
    ("contrast_0.6", "noise", "contrast", (0.6,)),
    ("contrast_1.4", "noise", "contrast", (1.4,)),
    ("saturation_1.5", "noise", "saturation", (1.5,)),
    ("saturation_0.3", "noise", "saturation", (0.3,)),
    ("saturation_cube_1.7", "cube", "saturation", (1.7,)),
    ("hue_0.1", "noise", "hue", (0.1,)),
    ("hue_-0.1", "noise", "hue", (-0.1,)),
    ("hue_cube_0.1", "cube", "hue", (0.1,)),
    ("hue_cube_-0.37", "cube", "hue", (-0.37,)),
    ("hue_cube_0.5", "cube", "hue", (0.5,)),
    ("hue_cube_0.0", "cube", "hue", (0.0,)),
    ("gray", "noise", "gray", ()),
    ("gray_cube", "cube", "gray", ()),
    ("blur_1.0", "noise", "blur", (1.0,)),
    ("blur_0.2", "noise", "blur", (0.2,)),
    ("blur_0.5", "noise", "blur", (0.5,)),
    ("blur_2.0", "noise", "blur", (2.0,)),
    ("blur_1.37", "square", "blur", (1.37,)),
    ("blur_30.0", "noise", "blur", (30.0,)),
    ("rotate_90_square", "square", "rotate", (90.0,)),
    ("rotate_270_square", "square", "rotate", (270.0,)),
    ("rotate_180", "noise", "rotate", (180.0,)),
    ("rotate_90_nonsquare", "noise", "rotate", (90.0,)),
    ("rotate_30", "noise", "rotate", (30.0,)),
    ("rotate_-17.3", "square", "rotate", (-17.3,)),
    ("rotate_123.4", "noise", "rotate", (123.4,)),
    ("view_a", "noise", "view",
     (3, 5, 17, 20, 16, 90.0, 1, 0, (2, 0, 3, 1), 1.21, 0.55, 1.4, -0.13, 0, 1.1)),
    ("view_b", "square", "view",
     (0, 0, 33, 33, 24, -12.5, 0, 1, (3, 1, 0, 2), 0.8, None, 0.5, 0.2, 1, 0.0)),
    ("view_c", "noise", "view",
     (1, 0, 22, 30, 8, 0.0, 1, 1, (), None, None, None, None, 0, 0.35)),
]

with open("cases.txt", "w") as fh:
    fh.write("# name source op args (written by generate.py; None = op off, () = no jitter)\n")
    for name, src, op, args in CASES:
        OPS[op](SOURCES[src], args).convert("RGB").save(f"out_{name}.png")
        flat = []
        for a in args:
            flat += [str(len(a))] + [str(i) for i in a] if isinstance(a, tuple) else [repr(a)]
        fh.write(" ".join([name, src, op] + flat) + "\n")
