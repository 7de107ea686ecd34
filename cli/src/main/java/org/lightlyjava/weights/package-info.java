/**
 * Where weights come from when they are not a local file: Lightly's model zoo for {@code
 * pre_trained=True}, and {@code checkpoint=https://...}. Files are looked up in lightly-java's
 * cache and in PyTorch's hub cache (where Lightly's own tools left them), downloaded with retries
 * and resumption, checked completely, and only then moved into the cache in one atomic step. No DJL
 * in here.
 */
package org.lightlyjava.weights;
