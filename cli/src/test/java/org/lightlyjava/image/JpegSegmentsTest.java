package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightlyjava.image.Fixtures.bytes;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JpegSegmentsTest {

    @Test
    void header_listsSegmentsBeforeTheScan() {
        byte[] jpeg = TiffBytes.jpegWith(new byte[] {'M', 'M', 0, 42});

        assertThat(JpegSegments.header(jpeg))
                .containsExactly(new JpegSegments.Segment(0xE1, 6, 16));
    }

    @Test
    void header_stopsAtALengthPastTheEnd() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x00, 1, 2};

        assertThat(JpegSegments.header(jpeg)).isEmpty();
    }

    @Test
    void withoutIccProfiles_renamesTheProfileInACopy() {
        byte[] jpeg = bytes("icc.jpg");
        byte[] original = jpeg.clone();

        byte[] stripped = JpegSegments.withoutIccProfiles(jpeg);

        assertThat(jpeg).isEqualTo(original);
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1))
                .contains("XCC_PROFILE")
                .doesNotContain("ICC_PROFILE");
        assertThat(stripped).hasSameSizeAs(jpeg);
    }

    @Test
    void withoutIccProfiles_withoutProfile_returnsTheSameArray() {
        byte[] jpeg = bytes("rgb.jpg");

        assertThat(JpegSegments.withoutIccProfiles(jpeg)).isSameAs(jpeg);
    }
}
