/**
 * Datasources: where a dataset's images live when not in the server's blob folder. An S3 bucket
 * prefix (AWS or an S3-compatible store), reached with credentials stored encrypted ({@link
 * org.lightlyjava.server.datasource.SecretBox}), or a folder under the server's local root. This is
 * the only package that uses the AWS SDK: it verifies credentials (the lights), lists files, tells
 * which files exist and makes presigned URLs.
 */
package org.lightlyjava.server.datasource;
