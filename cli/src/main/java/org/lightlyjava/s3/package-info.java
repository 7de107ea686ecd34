/**
 * Reading images straight from S3 ({@code input_dir=s3://bucket/prefix/}) with the AWS SDK v2.
 *
 * <p>{@link org.lightlyjava.s3.S3Source} lists a prefix and streams its objects; the listing goes
 * through {@link org.lightlyjava.dataset.DatasetLayout}, so names, labels and order equal those of
 * the prefix synced to a folder. This is the only package of the tools that imports the AWS SDK.
 */
package org.lightlyjava.s3;
