"""Writes the fixtures that need byte-level control; called by generate.sh after ImageMagick.

Alpha and EXIF files come from Pillow, the decompression bombs are hand-made headers, and
plasma.metrics.json holds Lightly's metadata as Pillow + numpy compute it (the definitions of
lightly/api/utils.py <= v1.1.7), so the Java tests need no Python.
"""

import json
import random
import struct
import zlib

import numpy as np
from PIL import Image, ImageFilter, TiffImagePlugin

UPRIGHT = Image.open("rgb.png").convert("RGB")


def quad_rgba():
    """rgb.png with alpha 128 | 0 over 255 | 64: decoders must drop it, not composite."""
    alpha = Image.new("L", UPRIGHT.size)
    for (x, y), a in {(0, 0): 128, (32, 0): 0, (0, 24): 255, (32, 24): 64}.items():
        alpha.paste(a, (x, y, x + 32, y + 24))
    rgba = UPRIGHT.copy()
    rgba.putalpha(alpha)
    return rgba


def exif_block(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "LightlyJava"  # Make
    exif[0x0110] = "Fixture Cam 1"  # Model
    exif[0x0132] = "2021:06:01 12:34:56"  # DateTime
    exif[0x011A] = TiffImagePlugin.IFDRational(72, 1)  # XResolution
    sub = {}
    sub[0x9003] = "2021:06:01 12:00:00"  # DateTimeOriginal
    sub[0x829A] = TiffImagePlugin.IFDRational(1, 250)  # ExposureTime
    sub[0x829D] = TiffImagePlugin.IFDRational(28, 10)  # FNumber
    sub[0x8827] = 200  # ISOSpeedRatings
    sub[0x920A] = TiffImagePlugin.IFDRational(35, 1)  # FocalLength
    sub[0x927C] = b"\x01\x02binary maker note"  # MakerNote: must be left out
    sub[0xA002] = 64  # ExifImageWidth
    sub[0xA003] = 48  # ExifImageHeight
    gps = {}
    gps[1] = "N"  # GPSLatitudeRef
    gps[2] = (47.0, 22.0, 30.5)  # GPSLatitude
    exif[0x8769] = sub  # Pillow writes sub-IFDs given as dicts
    exif[0x8825] = gps
    return exif


# Stored picture for each orientation: the inverse of the transform a viewer applies.
STORED = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def write_exif_files():
    for orientation, method in STORED.items():
        stored = UPRIGHT.transpose(method)
        exif = exif_block(orientation) if orientation == 6 else Image.Exif()
        exif[0x0112] = orientation
        stored.save(f"orientation-{orientation}.jpg", quality=95, exif=exif)
    UPRIGHT.save("exif.png", exif=exif_block(1))
    UPRIGHT.save("exif.webp", quality=90, exif=exif_block(1))
    quad_rgba().save("alpha.png")
    lossless = quad_rgba()
    lossless.putalpha(Image.eval(lossless.getchannel("A"), lambda a: max(a, 64)))
    lossless.save("lossless-alpha.webp", lossless=True)


def write_icc_files():
    """JPEGs with colour profiles, which Pillow ignores: the values must be the file's own."""
    plasma = Image.open("plasma.png").convert("RGB")
    profiles = "/usr/share/color/icc/ghostscript/"
    plasma.save("icc.jpg", quality=90, icc_profile=open(profiles + "rommrgb.icc", "rb").read())
    cmyk = plasma.convert("CMYK")
    cmyk.save("cmyk-icc.jpg", quality=90, icc_profile=open(profiles + "ps_cmyk.icc", "rb").read())


def write_bad_files():
    jpeg = open("rgb.jpg", "rb").read()
    # APP1 "Exif" whose TIFF header is garbage: the decode must still succeed.
    payload = b"Exif\0\0" + b"MM\0\x2a\xff\xff\xff\xf0" + bytes(range(40))
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    open("corrupt-exif.jpg", "wb").write(jpeg[:2] + app1 + jpeg[2:])
    rnd = random.Random(42)
    open("garbage.jpg", "wb").write(bytes(rnd.randrange(256) for _ in range(600)))
    # A JPEG signature and a valid-looking start, then noise.
    open("jpeg-then-garbage.jpg", "wb").write(
        jpeg[:20] + bytes(rnd.randrange(256) for _ in range(300)))
    # SOF0 patched to 65000x65000; the scan data that follows is for 64x48.
    sof = jpeg.index(b"\xff\xc0")
    bomb = bytearray(jpeg)
    bomb[sof + 5:sof + 9] = struct.pack(">HH", 65000, 65000)
    open("bomb.jpg", "wb").write(bytes(bomb))
    open("bomb.png", "wb").write(png_bomb(100000, 100000))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width, height):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(bytes(64))
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat)
            + png_chunk(b"IEND", b""))


def lightly_metrics(path):
    """Lightly's get_meta_from_img on the file as Pillow decodes it."""
    img = Image.open(path).convert("RGB")
    np_img = np.array(img) / 255.0
    raw = np.asanyarray(img)
    std = raw.std()
    laplace = ImageFilter.Kernel((3, 3), (-1, -1, -1, -1, 8, -1, -1, -1, -1), 1, 0)
    return {
        "file": path,
        "shape": list(np_img.shape),
        "mean": np.mean(np_img, axis=(0, 1)).tolist(),
        "std": np.std(np_img, axis=(0, 1)).tolist(),
        "sumOfValues": np.sum(np_img, axis=(0, 1)).tolist(),
        "sumOfSquares": np.sum(np_img ** 2, axis=(0, 1)).tolist(),
        "snr": float(0 if std == 0 else raw.mean() / std),
        "sharpness": float(np.std(np.array(img.convert("L").filter(laplace)))),
    }


write_exif_files()
write_icc_files()
write_bad_files()
with open("plasma.metrics.json", "w") as out:
    files = ["plasma.png", "plasma.jpg", "icc.jpg", "cmyk-icc.jpg"]
    json.dump([lightly_metrics(f) for f in files], out, indent=2)
    out.write("\n")
