/**
 * PyTorch's file formats without PyTorch: the checkpoints {@code torch.save} writes (the zip format
 * of PyTorch 1.6 and later, and the older single-stream format) read into plain Java values with
 * {@link Tensor} leaves, and written back in the zip format that {@code torch.load} reads.
 *
 * <p>A checkpoint is a Python pickle, and unpickling runs whatever code the file names. Here it
 * never does: {@link StrictUnpickler} accepts only tensors, storages and plain containers (as
 * PyTorch's {@code weights_only=True} does) and refuses every other class by name. No DJL in here.
 */
package org.lightlyjava.torchfile;
