package org.lightlyjava.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightlyjava.image.Fixtures.pixel;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;
import org.lightlyjava.image.RasterConverter.Depth;

class RasterConverterTest {

    @Test
    void toRgb_threeByteBgr_givesRgb() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setPixel(0, 0, new int[] {10, 20, 30});
        image.getRaster().setPixel(1, 0, new int[] {200, 100, 0});

        RgbImage rgb = RasterConverter.toRgb(image, Depth.HIGH_BYTE);

        assertThat(rgb.pixels()).containsExactly(10, 20, 30, 200, 100, 0);
    }

    @Test
    void toRgb_rgbDestination_handsOverItsBytes() {
        BufferedImage image = RasterConverter.rgbDestination(2, 1);
        image.getRaster().setPixel(1, 0, new int[] {1, 2, 3});

        RgbImage rgb = RasterConverter.toRgb(image, Depth.HIGH_BYTE);

        assertThat(rgb.pixels()).containsExactly(0, 0, 0, 1, 2, 3);
    }

    @Test
    void toRgb_packedArgb_dropsAlpha() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00_11_22_33); // fully transparent

        assertThat(RasterConverter.toRgb(image, Depth.HIGH_BYTE).pixels())
                .containsExactly(0x11, 0x22, 0x33);
    }

    @Test
    void toRgb_fourByteAbgr_dropsAlpha() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR);
        image.getRaster().setPixel(0, 0, new int[] {40, 50, 60, 0}); // r, g, b, alpha 0

        assertThat(RasterConverter.toRgb(image, Depth.HIGH_BYTE).pixels())
                .containsExactly(40, 50, 60);
    }

    @Test
    void toRgb_greyByte_replicatesRawValues() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 51);

        // Raw, like Pillow's L -> RGB; getRGB() would apply a gamma and give 124.
        assertThat(pixel(RasterConverter.toRgb(image, Depth.HIGH_BYTE), 0, 0))
                .containsExactly(51, 51, 51);
    }

    @Test
    void toRgb_greyUShort_reducesByDepthRule() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 0x12FF);

        // High byte 0x12 = 18; rounded: 4863 * 255 / 65535 = 18.92 -> 19.
        assertThat(pixel(RasterConverter.toRgb(image, Depth.HIGH_BYTE), 0, 0))
                .containsExactly(18, 18, 18);
        assertThat(pixel(RasterConverter.toRgb(image, Depth.ROUNDED), 0, 0))
                .containsExactly(19, 19, 19);
    }

    @Test
    void toRgb_palette_expandsAndGivesGreyPastItsEnd() {
        byte[] reds = {(byte) 255, 0};
        byte[] greens = {0, (byte) 128};
        byte[] blues = {0, 7};
        var palette = new IndexColorModel(8, 2, reds, greens, blues);
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {1, 0, 5});

        assertThat(RasterConverter.toRgb(image, Depth.HIGH_BYTE).pixels())
                .containsExactly(0, 128, 7, 255, 0, 0, 5, 5, 5); // Pillow: a grey ramp
    }

    @Test
    void levels_lowBitDepths_stretchToFullRange() {
        // 1 bit: 0, 255. 2 bits: v * 255 / 3 = 0, 85, 170, 255.
        assertThat(RasterConverter.levels(1, Depth.HIGH_BYTE)).containsExactly(0, 255);
        assertThat(RasterConverter.levels(2, Depth.HIGH_BYTE)).containsExactly(0, 85, 170, 255);
        assertThat(RasterConverter.levels(16, Depth.HIGH_BYTE)[0xFFFF]).isEqualTo((byte) 255);
        assertThat(RasterConverter.levels(16, Depth.HIGH_BYTE)[0x00FF]).isEqualTo((byte) 0);
        assertThat(RasterConverter.levels(16, Depth.ROUNDED)[0x00FF]).isEqualTo((byte) 1);
    }
}
