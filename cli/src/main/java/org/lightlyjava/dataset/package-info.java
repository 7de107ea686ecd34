/**
 * What a dataset is: its samples (relative file name and label) in Lightly's order, and their
 * bytes.
 *
 * <p>{@link org.lightlyjava.dataset.DatasetLayout} holds Lightly's scanning rule (class folders,
 * labels, order, refused names) as one pure function over relative paths; {@link
 * org.lightlyjava.dataset.FolderSource} applies it to a local folder and {@code
 * org.lightlyjava.s3.S3Source} to an S3 listing, so both give the same rows for the same files.
 */
package org.lightlyjava.dataset;
