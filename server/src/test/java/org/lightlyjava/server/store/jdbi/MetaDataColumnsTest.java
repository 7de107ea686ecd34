package org.lightlyjava.server.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaDataColumnsTest {

    @Test
    void lightlysMetaData_fillsEveryColumn_skippingTheRest() {
        String meta =
                "{\"mean\":[0.4,0.5,0.3],\"sharpness\":12.5,\"nested\":{\"snr\":9,\"shape\":[1,2]},"
                        + "\"shape\":[480,640,3],\"snr\":3,\"exif\":{\"a\":[{\"b\":null}]}}";
        assertThat(MetaDataColumns.of(meta)).isEqualTo(new MetaDataColumns(12.5, 3.0, 640, 480));
    }

    @Test
    void valuesThatAreNotNumbersOrNotWhole_areNull() {
        assertThat(
                        MetaDataColumns.of(
                                "{\"sharpness\":\"12\",\"snr\":1e400,\"shape\":[480.0,3000000000]}"))
                .isEqualTo(MetaDataColumns.NONE);
        assertThat(MetaDataColumns.of("{\"sharpness\":null,\"snr\":[1],\"shape\":{\"0\":1}}"))
                .isEqualTo(MetaDataColumns.NONE);
        assertThat(MetaDataColumns.of("{\"shape\":[7]}"))
                .isEqualTo(new MetaDataColumns(null, null, null, 7));
        assertThat(MetaDataColumns.of("{\"shape\":[[1],2]}"))
                .isEqualTo(new MetaDataColumns(null, null, 2, null));
    }

    @Test
    void theLastOfRepeatedKeysCounts() {
        assertThat(MetaDataColumns.of("{\"snr\":1,\"shape\":[1,2],\"snr\":2,\"shape\":\"x\"}"))
                .isEqualTo(new MetaDataColumns(null, 2.0, null, null));
    }

    @Test
    void textThatIsNotAnObject_orBroken_givesNoColumns() {
        assertThat(MetaDataColumns.of(null)).isEqualTo(MetaDataColumns.NONE);
        assertThat(MetaDataColumns.of("[1,2]")).isEqualTo(MetaDataColumns.NONE);
        assertThat(MetaDataColumns.of("{\"sharpness\":1,")).isEqualTo(MetaDataColumns.NONE);
        assertThat(MetaDataColumns.of("{\"shape\":[1,2")).isEqualTo(MetaDataColumns.NONE);
        assertThat(MetaDataColumns.of("")).isEqualTo(MetaDataColumns.NONE);
    }
}
