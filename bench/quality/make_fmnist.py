#!/usr/bin/python3
"""Writes a labelled image set for bench/quality from Debian's dataset-fashion-mnist
(/usr/share/datasets/fashion-mnist): the first TRAIN images of its training split and the first TEST
of its test split, as PNG class folders (train/<class>/NNNNN.png, test/<class>/NNNNN.png), plus
raw_train.csv and raw_test.csv: the raw pixels (784 values in 0..1) in embeddings.csv layout, for
the raw-pixel baseline.   Usage: make_fmnist.py OUT_DIR [TRAIN [TEST]]"""
import gzip
import os
import struct
import sys

from PIL import Image

SRC = '/usr/share/datasets/fashion-mnist'
CLASSES = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot']


def idx(path):
    with gzip.open(path, 'rb') as fh:
        data = fh.read()
    magic, count = struct.unpack('>II', data[:8])
    if magic == 2049:
        return list(data[8:8 + count])
    rows, cols = struct.unpack('>II', data[8:16])
    size = rows * cols
    return [data[16 + i * size:16 + (i + 1) * size] for i in range(count)], rows, cols


def write(out, split, images, labels, n, rows, cols):
    base = os.path.join(out, split)
    for c in CLASSES:
        os.makedirs(os.path.join(base, c), exist_ok=True)
    with open(os.path.join(out, f'raw_{split}.csv'), 'w', newline='') as fh:
        fh.write('filenames,' + ','.join(f'embedding_{i}' for i in range(rows * cols)) + ',labels\r\n')
        order = sorted(range(n), key=lambda i: (labels[i], i))  # the order lightly-embed lists them in
        for i in order:
            name = f'{CLASSES[labels[i]]}/{i:05d}.png'
            Image.frombytes('L', (cols, rows), images[i]).save(os.path.join(base, name))
            fh.write(name + ',' + ','.join(f'{v / 255:.4f}' for v in images[i]) + f',{labels[i]}\r\n')


def main():
    out = sys.argv[1]
    train = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    test = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    images, rows, cols = idx(os.path.join(SRC, 'train-images-idx3-ubyte.gz'))
    write(out, 'train', images, idx(os.path.join(SRC, 'train-labels-idx1-ubyte.gz')), train, rows, cols)
    images, rows, cols = idx(os.path.join(SRC, 't10k-images-idx3-ubyte.gz'))
    write(out, 'test', images, idx(os.path.join(SRC, 't10k-labels-idx1-ubyte.gz')), test, rows, cols)


if __name__ == '__main__':
    main()
