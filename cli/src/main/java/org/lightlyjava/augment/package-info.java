/**
 * Lightly's SimCLR training augmentations ({@code ImageCollateFunction}, v1.2.47) on {@link
 * org.lightlyjava.image.RgbImage}s: {@link org.lightlyjava.augment.AugmentSettings} holds the
 * {@code collate.*} values and {@link org.lightlyjava.augment.SimClrAugment} draws one view.
 *
 * <p>Each operation is a small package-private class that reproduces the PIL 9.x / torchvision 0.14
 * code path Lightly runs, including its integer rounding, so a view rendered here from given random
 * choices has the same bytes as Python's. The random choices themselves come from a caller-supplied
 * {@link java.util.random.RandomGenerator}; nothing here keeps state.
 */
package org.lightlyjava.augment;
