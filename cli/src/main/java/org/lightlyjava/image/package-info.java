/**
 * Image decoding and Lightly's per-image metadata.
 *
 * <p>{@link org.lightlyjava.image.ImageDecoder} turns the bytes of a JPEG, PNG, BMP, PNM, TIFF or
 * WebP file into an upright 8-bit {@link org.lightlyjava.image.RgbImage} the way Pillow's {@code
 * Image.open(f).convert("RGB")} would (alpha dropped, grey replicated, 16-bit samples reduced),
 * refuses decompression bombs from the header and truncated files, and reads the EXIF tags. {@link
 * org.lightlyjava.image.ImageMetrics} computes the {@code metaData} object Lightly uploads for each
 * sample (mean, std, SNR, sharpness, sums).
 *
 * <p>Everything here is thread-safe and has no global state; callers decode on many threads.
 */
package org.lightlyjava.image;
