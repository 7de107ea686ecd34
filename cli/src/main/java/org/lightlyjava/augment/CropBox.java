package org.lightlyjava.augment;

/** A crop rectangle in source pixels: top-left corner and size, as torchvision's (i, j, h, w). */
record CropBox(int top, int left, int height, int width) {}
