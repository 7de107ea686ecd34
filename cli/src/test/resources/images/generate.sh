#!/usr/bin/env bash
# Regenerates the decoder test corpus in this folder. Run it from anywhere:
#   cli/src/test/resources/images/generate.sh
# Needs Debian's ImageMagick 6 (/usr/bin/convert; the `convert` first on PATH may be a stand-in)
# and /usr/bin/python3 with Pillow and numpy (EXIF, crafted headers, reference metrics).
# The outputs are committed, so the build and CI never run this.
set -euo pipefail
cd "$(dirname "$0")"
IM=/usr/bin/convert
PY=/usr/bin/python3

# Base picture, 64x48: red | green over blue | white. Quadrant centres are far from block
# edges, so lossy formats keep their colours there within a small tolerance.
quad() { $IM -size 32x24 xc:red xc:lime +append \( -size 32x24 xc:blue xc:white +append \) -append -depth 8 "$@"; }
# Grey picture: 51 | 102 over 153 | 204.
grayquad() {
    $IM -size 32x24 'xc:rgb(51,51,51)' 'xc:rgb(102,102,102)' +append \
        \( -size 32x24 'xc:rgb(153,153,153)' 'xc:rgb(204,204,204)' +append \) -append \
        -colorspace Gray -depth 8 "$@"
}
# 16-bit picture: left #12FF ABCD FF00, right #00FF 8001 7F80. Taking the high byte gives
# (18,171,255) | (0,128,127); rounding v*255/65535 would give (19,171,254) | (1,128,127).
rgb16() { $IM -size 32x24 'xc:#12FFABCDFF00' 'xc:#00FF80017F80' +append -depth 16 "$@"; }
# 16-bit grey: left 0x12FF, right 0xFF00 -> high bytes 18 | 255.
gray16() {
    $IM -size 32x24 'xc:#12FF12FF12FF' 'xc:#FF00FF00FF00' +append -colorspace Gray -depth 16 "$@"
}

quad PNG24:rgb.png
quad -quality 95 rgb.jpg
quad -quality 95 -interlace Plane progressive.jpg
quad -quality 95 -colorspace CMYK cmyk.jpg
grayquad -quality 95 -type Grayscale gray.jpg
quad -define png:color-type=3 PNG8:palette.png
rgb16 PNG48:rgb16.png
gray16 -define png:color-type=0 -define png:bit-depth=16 gray16.png
quad BMP3:rgb.bmp
quad ppm:rgb.ppm
grayquad pgm:gray.pgm
rgb16 ppm:rgb16.ppm
quad -compress None rgb.tif
rgb16 -compress LZW -define tiff:predictor=2 rgb16-lzw-predictor.tif
quad -quality 90 lossy.webp

# Noise pictures for the metrics cross-check and the truncated file.
$IM -seed 7 -size 40x30 plasma: PNG24:plasma.png
$IM plasma.png -quality 90 plasma.jpg
head -c "$(($(stat -c %s plasma.jpg) / 2))" plasma.jpg > truncated.jpg
head -c "$(($(stat -c %s plasma.png) / 2))" plasma.png > truncated.png

# Bad files.
: > empty.jpg
printf 'this is not an image, only a text file named .jpg\n' > text.jpg

# Alpha, EXIF, orientation, bombs and reference metrics need byte-level control.
$PY craft.py
echo "generated: $(ls | grep -vE '^(generate.sh|craft.py|README.md)$' | wc -l) files," \
    "$(du -cb --exclude=generate.sh --exclude=craft.py --exclude=README.md . | tail -1 | cut -f1) bytes"
