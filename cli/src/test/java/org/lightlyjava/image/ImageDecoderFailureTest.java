package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lightlyjava.image.Fixtures.bytes;

import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderFailureTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty.jpg, empty file",
        "text.jpg, not a recognised image format",
        "garbage.jpg, not a recognised image format",
        "jpeg-then-garbage.jpg, cannot decode jpeg: No SOF segment",
        "truncated.jpg, image file is truncated (jpeg: ",
        "truncated.png, image file is truncated (png: ",
    })
    void decode_badFile_failsWithReason(String file, String reason) {
        assertThatThrownBy(() -> decoder.decode(bytes(file)))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "plasma.jpg", "progressive.jpg", "cmyk-icc.jpg", "plasma.png", "palette.png",
                "rgb.bmp", "gray.pgm", "rgb.tif", "rgb16-lzw-predictor.tif", "lossy.webp",
                "lossless-alpha.webp", "orientation-6.jpg"
            })
    void decode_cutAnywhere_failsOnlyWithDecodeException(String file) {
        byte[] whole = bytes(file);
        for (int length = 0; length < whole.length; length += 1 + whole.length / 50) {
            byte[] cut = Arrays.copyOf(whole, length);
            try {
                decoder.decode(cut);
            } catch (DecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void decode_tiffCutBeforeItsDirectory_namesTheFormat() {
        byte[] tiff = bytes("rgb.tif"); // ImageMagick writes the IFD after the pixels

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(tiff, tiff.length / 2)))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("cannot decode tiff: ");
    }

    @Test
    void decode_truncatedJpeg_failsInsteadOfReturningGrey() {
        // The JPEG readers only warn here; the pixels they return are grey below the cut.
        assertThatThrownBy(() -> decoder.decode(bytes("truncated.jpg")))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void decode_jpegWithoutEoi_fails() {
        byte[] jpeg = bytes("plasma.jpg");

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length - 2)))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void decode_truncatedLosslessWebp_fails() {
        // TwelveMonkeys' decoder would return noise for the missing part.
        byte[] webp = bytes("lossless-alpha.webp");

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(webp, webp.length - 20)))
                .isInstanceOf(DecodeException.class)
                .hasMessage(
                        "image file is truncated (webp: the header says %d bytes, the file has %d)",
                        webp.length, webp.length - 20);
    }

    @Test
    void decode_pngBomb_isRefusedFromTheHeader() throws DecodeException {
        assertRefusedQuickly(
                bytes("bomb.png"),
                "image is 100000x100000 = 10000000000 pixels, more than the limit of 178956970"
                        + " (decompression bomb?)");
    }

    @Test
    void decode_jpegBomb_isRefusedFromTheHeader() throws DecodeException {
        assertRefusedQuickly(
                bytes("bomb.jpg"),
                "image is 65000x65000 = 4225000000 pixels, more than the limit of 178956970"
                        + " (decompression bomb?)");
    }

    @Test
    void decode_moreThanMaxPixels_isRefused() throws DecodeException {
        byte[] png = bytes("rgb.png"); // 64 x 48 = 3072 pixels

        assertThat(new ImageDecoder(3072).decode(png).image().width()).isEqualTo(64);
        assertThatThrownBy(() -> new ImageDecoder(3071).decode(png))
                .isInstanceOf(DecodeException.class)
                .hasMessage(
                        "image is 64x48 = 3072 pixels, more than the limit of 3071"
                                + " (decompression bomb?)");
    }

    @Test
    void reason_runtimeExceptionCause_namesItsClass() {
        var failure = new IOException("Bad strip", new ArrayIndexOutOfBoundsException("Index 5"));

        assertThat(ReadProblems.reason("tiff", failure))
                .isEqualTo("cannot decode tiff: Bad strip: ArrayIndexOutOfBoundsException Index 5");
    }

    @Test
    void reason_endOfFileCause_saysTruncated() {
        var failure = new IOException("Error reading data", new EOFException());

        assertThat(ReadProblems.reason("png", failure))
                .isEqualTo("image file is truncated (png: Error reading data: EOFException)");
    }

    private void assertRefusedQuickly(byte[] bomb, String message) throws DecodeException {
        decoder.decode(bytes("rgb.jpg")); // load the reader classes first
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();

        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(DecodeException.class)
                .hasMessage(message);

        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertThat(millis).as("milliseconds to refuse").isLessThan(1000);
        assertThat(allocated).as("bytes allocated").isLessThan(16L << 20);
    }
}
