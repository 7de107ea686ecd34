package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightlyjava.image.Fixtures.assertPixel;
import static org.lightlyjava.image.Fixtures.assertQuadrants;
import static org.lightlyjava.image.Fixtures.bytes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, format, tolerance (0 for lossless formats)
        "rgb.jpg, jpeg, 4",
        "progressive.jpg, jpeg, 4",
        "cmyk.jpg, jpeg, 8",
        "corrupt-exif.jpg, jpeg, 4",
        "rgb.png, png, 0",
        "palette.png, png, 0",
        "exif.png, png, 0",
        "rgb.bmp, bmp, 0",
        "rgb.ppm, pnm, 0",
        "rgb.tif, tiff, 0",
        "lossy.webp, webp, 4",
        "exif.webp, webp, 4",
    })
    void decode_colourFixture_givesQuadrantColours(String file, String format, int tolerance)
            throws DecodeException {
        DecodedImage decoded = decoder.decode(bytes(file));

        assertThat(decoded.format()).isEqualTo(format);
        assertQuadrants(decoded.image(), tolerance);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // SHA-256 of Pillow 9.4's Image.open(f).convert("RGB").tobytes()
        "images/cmyk.jpg, 38d15ea1b6598f586a2420aaa5413d43a73d780433cdfdc9014f1680c12ee2c1",
        // Photoshop's kind of CMYK JPEG: YCCK (Adobe transform 2), made by ImageMagick
        "parity/mixed/barn_cmyk.jpg,"
                + " d3a145017dda495b09a40e109deae60b4411ae768fecd7df815db192c5bb7fd9"
    })
    void decode_cmykAndYcckJpeg_givePillowsBytesExactly(String file, String sha256)
            throws Exception {
        byte[] encoded =
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources", file));
        byte[] pixels = decoder.decode(encoded).image().pixels();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(pixels);
        assertThat(java.util.HexFormat.of().formatHex(digest)).isEqualTo(sha256);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alpha.png, png", "lossless-alpha.webp, webp"})
    void decode_alpha_isDroppedNotComposited(String file, String format) throws DecodeException {
        DecodedImage decoded = decoder.decode(bytes(file));

        // The green quadrant is fully transparent in alpha.png; dropping alpha keeps it green,
        // compositing over white or black would not.
        assertThat(decoded.format()).isEqualTo(format);
        assertQuadrants(decoded.image(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gray.jpg, 1", "gray.pgm, 0"})
    void decode_grey_replicatesToThreeChannels(String file, int tolerance) throws DecodeException {
        RgbImage image = decoder.decode(bytes(file)).image();

        // generate.sh: grey 51 | 102 over 153 | 204.
        assertPixel(image, 16, 12, new int[] {51, 51, 51}, tolerance);
        assertPixel(image, 48, 12, new int[] {102, 102, 102}, tolerance);
        assertPixel(image, 16, 36, new int[] {153, 153, 153}, tolerance);
        assertPixel(image, 48, 36, new int[] {204, 204, 204}, tolerance);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rgb16.png", "rgb16-lzw-predictor.tif"})
    void decode_sixteenBitRgb_keepsTheHighByte(String file) throws DecodeException {
        RgbImage image = decoder.decode(bytes(file)).image();

        // Left #12FF ABCD FF00, right #00FF 8001 7F80. Rounding would give 19 and 254 on the
        // left and 1 on the right.
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(24);
        assertPixel(image, 5, 5, new int[] {0x12, 0xAB, 0xFF}, 0);
        assertPixel(image, 50, 5, new int[] {0x00, 0x80, 0x7F}, 0);
    }

    @Test
    void decode_sixteenBitPpm_roundsLikePillow() throws DecodeException {
        RgbImage image = decoder.decode(bytes("rgb16.ppm")).image();

        // round(0x12FF * 255 / 65535) = round(18.92) = 19; round(0xFF00 * 255 / 65535) = 254;
        // round(0x00FF * 255 / 65535) = round(0.99) = 1.
        assertPixel(image, 5, 5, new int[] {19, 171, 254}, 0);
        assertPixel(image, 50, 5, new int[] {1, 128, 127}, 0);
    }

    @Test
    void decode_sixteenBitGreyPng_keepsTheHighByte() throws DecodeException {
        RgbImage image = decoder.decode(bytes("gray16.png")).image();

        // 0x12FF | 0xFF00. (Pillow itself clips mode I to 255 here: a Pillow bug we don't copy.)
        assertPixel(image, 5, 5, new int[] {0x12, 0x12, 0x12}, 0);
        assertPixel(image, 50, 5, new int[] {0xFF, 0xFF, 0xFF}, 0);
    }

    @Test
    void decode_webpWithBytesAfterTheRiffEnd_ignoresThem() throws DecodeException {
        byte[] webp = bytes("lossy.webp");
        byte[] longer = Arrays.copyOf(webp, webp.length + 8);

        assertQuadrants(decoder.decode(longer).image(), 4);
    }

    @Test
    void decode_withMinSide_subsamplesJpegKeepingBothSides() throws DecodeException {
        // step = min(64, 48) / 16 = 3: ceil(64 / 3) x ceil(48 / 3) = 22 x 16.
        RgbImage image = decoder.decode(bytes("rgb.jpg"), 16).image();

        assertThat(image.width()).isEqualTo(22);
        assertThat(image.height()).isEqualTo(16);
        assertPixel(image, 5, 4, Fixtures.RED, 4);
        assertPixel(image, 16, 12, Fixtures.WHITE, 4);
    }

    @Test
    void decode_withMinSide_leavesOtherFormatsAndSmallImagesWhole() throws DecodeException {
        assertThat(decoder.decode(bytes("rgb.png"), 16).image().width()).isEqualTo(64);
        assertThat(decoder.decode(bytes("rgb.jpg"), 100).image().width()).isEqualTo(64);
        assertThat(decoder.decode(bytes("rgb.jpg"), 0).image().width()).isEqualTo(64);
    }

    @Test
    void subsamplingStep_isLargestStepKeepingMinSide() {
        assertThat(ImageDecoder.subsamplingStep(4000, 3000, 224)).isEqualTo(13); // 3000/224
        assertThat(ImageDecoder.subsamplingStep(4000, 3000, 3000)).isEqualTo(1);
        assertThat(ImageDecoder.subsamplingStep(4000, 3000, 4000)).isEqualTo(1);
        assertThat(ImageDecoder.subsamplingStep(4000, 3000, 0)).isEqualTo(1);
    }

    @Test
    void decode_fromManyThreads_givesTheSameImages() throws Exception {
        List<String> files = List.of("rgb.jpg", "cmyk.jpg", "rgb.png", "rgb.tif", "lossy.webp");
        List<byte[]> expected = new ArrayList<>();
        for (String file : files) {
            expected.add(decoder.decode(bytes(file)).image().pixels());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String file : files) {
                    results.add(pool.submit(() -> decoder.decode(bytes(file)).image().pixels()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % files.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
