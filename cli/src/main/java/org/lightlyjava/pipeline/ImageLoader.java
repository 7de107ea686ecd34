package org.lightlyjava.pipeline;

import java.io.IOException;
import org.lightlyjava.dataset.ImageSource;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.DecodeException;
import org.lightlyjava.image.ImageDecoder;

/** Reads a sample's bytes from its source and decodes them; never throws for a bad file. */
public final class ImageLoader {

    private final ImageSource source;
    private final ImageDecoder decoder;

    public ImageLoader(ImageSource source, ImageDecoder decoder) {
        this.source = source;
        this.decoder = decoder;
    }

    public Loaded load(Sample sample) {
        byte[] bytes;
        try {
            bytes = source.read(sample);
        } catch (IOException e) {
            return Loaded.failed(sample, 0, "cannot read: " + e.getMessage());
        }
        try {
            return new Loaded(sample, decoder.decode(bytes), bytes.length, null);
        } catch (DecodeException e) {
            return Loaded.failed(sample, bytes.length, e.getMessage());
        } catch (OutOfMemoryError e) {
            return Loaded.failed(sample, bytes.length, "out of memory while decoding");
        }
    }

    public ImageSource source() {
        return source;
    }
}
