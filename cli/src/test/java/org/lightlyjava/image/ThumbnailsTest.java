package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void fit_followsPilsThumbnailRule() {
        // Values from PIL 9.4: Image.new('RGB', (w, h)).thumbnail((128, 128)).size
        assertThat(Thumbnails.fit(640, 480, 128, 128)).containsExactly(128, 96);
        assertThat(Thumbnails.fit(480, 640, 128, 128)).containsExactly(96, 128);
        assertThat(Thumbnails.fit(4000, 3000, 128, 128)).containsExactly(128, 96);
        assertThat(Thumbnails.fit(1000, 10, 128, 128)).containsExactly(128, 1);
        assertThat(Thumbnails.fit(333, 200, 128, 128)).containsExactly(128, 77);
        assertThat(Thumbnails.fit(100, 50, 128, 128)).containsExactly(100, 50); // never enlarged
    }

    @Test
    void webp_isADecodableWebpThatFitsTheBox() throws IOException, DecodeException {
        byte[] pixels = new byte[300 * 200 * 3];
        Arrays.fill(pixels, (byte) 200);
        byte[] webp = Thumbnails.webp(new RgbImage(300, 200, pixels));
        assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        RgbImage back = new ImageDecoder().decode(webp).image();
        assertThat(back.width()).isEqualTo(128);
        assertThat(back.height()).isEqualTo(85);
        assertThat(back.get(64, 40, 1)).isBetween(195, 205);
        assertThat(new ByteArrayInputStream(webp).available()).isLessThan(5000);
    }
}
