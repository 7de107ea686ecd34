package org.lightlyjava.dataset;

/**
 * One image of a dataset.
 *
 * @param fileName path relative to the input folder with {@code /} separators, for example {@code
 *     cats/img_001.jpg}; this is the sample's name on the server and in embeddings.csv
 * @param label index of the class folder (sorted, 0-based), 0 for a flat folder
 */
public record Sample(String fileName, int label) {}
