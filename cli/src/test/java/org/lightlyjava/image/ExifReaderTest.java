package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightlyjava.image.Fixtures.bytes;
import static org.lightlyjava.image.TiffBytes.ascii;
import static org.lightlyjava.image.TiffBytes.longs;
import static org.lightlyjava.image.TiffBytes.rationals;
import static org.lightlyjava.image.TiffBytes.shorts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifReaderTest {

    /** What craft.py writes (exif_block), as Pillow names and converts it. */
    private static Map<String, Object> craftedExif(int orientation) {
        Map<String, Object> exif = new LinkedHashMap<>();
        exif.put("Make", "LightlyJava");
        exif.put("Model", "Fixture Cam 1");
        exif.put("Orientation", orientation);
        exif.put("XResolution", 72.0);
        exif.put("DateTime", "2021:06:01 12:34:56");
        exif.put("ExposureTime", 0.004);
        exif.put("FNumber", 2.8);
        exif.put("ISOSpeedRatings", 200);
        exif.put("DateTimeOriginal", "2021:06:01 12:00:00");
        exif.put("FocalLength", 35.0);
        exif.put("ExifImageWidth", 64);
        exif.put("ExifImageHeight", 48);
        exif.put(
                "GPSInfo", Map.of("GPSLatitudeRef", "N", "GPSLatitude", List.of(47.0, 22.0, 30.5)));
        return exif;
    }

    @Test
    void read_jpegExif_namesTagsAsPillowAndLeavesOutTheMakerNote() {
        Map<String, Object> exif = ExifReader.read(bytes("orientation-6.jpg"));

        assertThat(exif).isEqualTo(craftedExif(6));
        assertThat(exif).doesNotContainKeys("MakerNote", "ExifOffset", "34665", "37500");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exif.png", "exif.webp"})
    void read_pngAndWebpExifChunks_giveTheSameTags(String file) {
        assertThat(ExifReader.read(bytes(file))).isEqualTo(craftedExif(1));
    }

    @Test
    void decode_jpeg_returnsTheExifInTagOrder() throws DecodeException {
        DecodedImage decoded = new ImageDecoder().decode(bytes("orientation-6.jpg"));

        assertThat(decoded.exif()).containsExactlyEntriesOf(craftedExif(6));
    }

    @Test
    void read_tiffFile_readsIfd0WithoutFileLayoutTags() {
        Map<String, Object> exif = ExifReader.read(bytes("rgb.tif"));

        assertThat(exif)
                .containsEntry("ImageWidth", 64)
                .containsEntry("ImageLength", 48)
                .containsEntry("BitsPerSample", List.of(8, 8, 8))
                .containsEntry("Compression", 1)
                .doesNotContainKeys("StripOffsets", "StripByteCounts");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rgb.jpg", "rgb.png", "rgb.bmp", "lossy.webp", "corrupt-exif.jpg"})
    void read_noOrCorruptExif_isEmpty(String file) {
        assertThat(ExifReader.read(bytes(file))).isEmpty();
    }

    @Test
    void decode_corruptExif_stillDecodes() throws DecodeException {
        DecodedImage decoded = new ImageDecoder().decode(bytes("corrupt-exif.jpg"));

        assertThat(decoded.exif()).isEmpty();
        Fixtures.assertQuadrants(decoded.image(), 4);
    }

    @Test
    void read_values_becomeJsonValues() {
        byte[] tiff =
                TiffBytes.tiff(
                        List.of(
                                ascii(0x010F, "Canon\0\0\0"), // NUL padding
                                shorts(0x0112, TiffBytes.SHORT, 3),
                                longs(0x0100, 70000),
                                rationals(0x011A, 300, 0), // denominator 0
                                rationals(0x013E, 1, 4, 3, 8),
                                shorts(0xC000, TiffBytes.SSHORT, -5), // unknown tag
                                TiffBytes.bytes(0xC001, TiffBytes.BYTE, 2, 2, 0, 200),
                                TiffBytes.bytes(0x02BC, TiffBytes.BYTE, new int[40]), // XMP
                                TiffBytes.bytes(0xC002, TiffBytes.BYTE, new int[40])), // blob
                        List.of(
                                TiffBytes.bytes(0x9000, TiffBytes.UNDEFINED, '0', '2', '3', '0'),
                                rationals(0x829A, 1, 250)));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Make", "Canon");
        expected.put("Orientation", 3);
        expected.put("ImageWidth", 70000L);
        expected.put("XResolution", null);
        expected.put("WhitePoint", List.of(0.25, 0.375));
        expected.put("49152", -5);
        expected.put("49153", List.of(2, 2, 0, 200));
        expected.put("ExposureTime", 0.004);
        assertThat(ExifReader.read(tiff)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(ExifReader.read(TiffBytes.jpegWith(tiff)))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void read_valueOutsideTheBlock_isLeftOutAndTheRestKept() {
        byte[] tiff =
                TiffBytes.tiff(
                        List.of(
                                ascii(0x010F, "a make long enough to lie outside"),
                                shorts(0x0112, TiffBytes.SHORT, 6)),
                        List.of());
        // Cut the file inside the Make string.
        byte[] cut = Arrays.copyOf(tiff, tiff.length - 10);

        assertThat(ExifReader.read(cut)).containsExactly(Map.entry("Orientation", 6));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"orientation-6.jpg", "exif.png", "exif.webp", "rgb.tif"})
    void read_cutAnywhere_neverThrows(String file) {
        byte[] whole = bytes(file);
        for (int length = 0; length <= whole.length; length++) {
            assertThat(ExifReader.read(Arrays.copyOf(whole, length))).isNotNull();
        }
    }

    @Test
    void read_nonImageBytes_isEmpty() {
        assertThat(ExifReader.read(new byte[0])).isEmpty();
        assertThat(ExifReader.read(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ExifReader.read(new byte[] {'M', 'M', 0, 42})).isEmpty();
    }
}
