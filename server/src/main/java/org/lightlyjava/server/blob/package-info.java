/**
 * Blobs: sample images, thumbnails and embedding CSVs, kept as files in the data folder (never in
 * the database), and the short-lived signed URLs through which clients PUT and GET them without a
 * token. {@link org.lightlyjava.server.blob.BlobUrls} hides how URLs are made, so a datasource can
 * hand out presigned bucket URLs instead.
 */
package org.lightlyjava.server.blob;
