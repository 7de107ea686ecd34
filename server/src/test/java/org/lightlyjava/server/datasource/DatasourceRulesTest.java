package org.lightlyjava.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.server.blob.DatasourceKey;

/** The small rules: thumbnail places, paths, S3 locations, cursors, key order, sealed secrets. */
class DatasourceRulesTest {

    @TempDir Path dir;

    @Test
    void thumbSuffix_keepsFolders_andDropsAMissingExtension() {
        String suffix = DatasourceConfig.DEFAULT_THUMB_SUFFIX;
        assertThat(ThumbSuffix.apply(suffix, "cats/a.jpg"))
                .isEqualTo(".lightly/thumbnails/cats/a_thumb.jpg");
        assertThat(ThumbSuffix.apply(suffix, "a.b.png"))
                .isEqualTo(".lightly/thumbnails/a.b_thumb.png");
        assertThat(ThumbSuffix.apply(suffix, "v1.2/README"))
                .isEqualTo(".lightly/thumbnails/v1.2/README_thumb");
        assertThat(ThumbSuffix.apply(suffix, "dir/.hidden"))
                .isEqualTo(".lightly/thumbnails/dir/.hidden_thumb");
        assertThat(ThumbSuffix.apply("thumbs/[filename]-t.webp", "x/y.jpg"))
                .isEqualTo("thumbs/x/y-t.webp");
    }

    @Test
    void relativePaths_refuseWhatLeavesTheFolder() {
        for (String bad : List.of("", "/a", "a/../b", "..", "./a", "a//b", "a/", "a\u0000b")) {
            assertThat(RelativePaths.isValid(bad, false)).as(bad).isFalse();
        }
        assertThat(RelativePaths.isValid("a\\b", false)).isTrue();
        assertThat(RelativePaths.isValid("a\\b", true)).isFalse();
        assertThat(RelativePaths.isValid("cats/ä b.jpg", true)).isTrue();
    }

    @Test
    void s3Location_normalisesTheTrailingSlash() {
        assertThat(S3Location.parse("s3://bucket").fullPath()).isEqualTo("s3://bucket/");
        assertThat(S3Location.parse("s3://bucket/a/b").prefix()).isEqualTo("a/b/");
        assertThat(S3Location.parse("s3://bucket/a/b/").key("c.jpg")).isEqualTo("a/b/c.jpg");
        assertThatThrownBy(() -> S3Location.parse("s3://bucket/a//b/"))
                .hasMessageContaining("fullPath");
        assertThatThrownBy(() -> S3Location.parse("s3:/bucket")).hasMessageContaining("fullPath");
    }

    @Test
    void cursor_roundTrips_andRefusesForgeries() {
        ListCursor c = new ListCursor(5, 9, new ListPage.Position("tok/en+=", null));
        assertThat(ListCursor.decode(c.encode())).isEqualTo(c);
        ListCursor a = new ListCursor(0, Long.MAX_VALUE, new ListPage.Position(null, "a/b.jpg"));
        assertThat(ListCursor.decode(a.encode())).isEqualTo(a);
        assertThatThrownBy(() -> ListCursor.decode("!!")).isInstanceOf(DatasourceException.class);
    }

    @Test
    void keyRange_ordersByCodePoint_likeS3() {
        assertThat(KeyRange.compare("a", "b")).isNegative();
        assertThat(KeyRange.compare("ab", "a")).isPositive();
        // U+FFFD sorts before U+1F600 in UTF-8, though not in UTF-16 units
        assertThat(KeyRange.compare("\uFFFD", "\uD83D\uDE00")).isNegative();
        assertThat("\uFFFD".compareTo("\uD83D\uDE00")).isPositive();
    }

    @Test
    void datasourceKey_roundTrips_anyPath() {
        DatasourceKey key =
                DatasourceKey.file("0123456789abcdef01234567", "LIGHTLY", "a b/ü?#&.jpg");
        assertThat(key.text()).matches("[A-Za-z0-9/_-]+");
        assertThat(DatasourceKey.parse(key.text())).contains(key);
        assertThat(DatasourceKey.parse("0123456789abcdef01234567/full/0123456789abcdef01234567"))
                .isEmpty();
    }

    @Test
    void secretBox_sealsWithANewNonceEachTime_andOpensOnlyInItsContext() throws Exception {
        SecretBox box = SecretBox.open(dir);
        String a = box.seal("s3cr3t", "ds1/INPUT_OUTPUT");
        String b = box.seal("s3cr3t", "ds1/INPUT_OUTPUT");
        assertThat(a).isNotEqualTo(b).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(box.open(a, "ds1/INPUT_OUTPUT")).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> box.open(a, "ds2/INPUT_OUTPUT"))
                .isInstanceOf(DatasourceException.class)
                .hasMessageContaining("datasource.key");
        String tampered = a.substring(0, a.length() - 2) + (a.endsWith("A=") ? "B=" : "A=");
        assertThatThrownBy(() -> box.open(tampered, "ds1/INPUT_OUTPUT"))
                .isInstanceOf(DatasourceException.class);
        assertThat(SecretBox.open(dir).open(a, "ds1/INPUT_OUTPUT"))
                .as("same key file")
                .isEqualTo("s3cr3t");
    }

    @Test
    void staleConnections_areRetried_refusedOnesAreNot() {
        assertThat(
                        S3Clients.staleConnection(
                                new RuntimeException(new java.net.SocketException("Broken pipe"))))
                .isTrue();
        assertThat(S3Clients.staleConnection(new java.net.ConnectException("Connection refused")))
                .isFalse();
        assertThat(S3Clients.staleConnection(new java.net.SocketTimeoutException("Read timed out")))
                .isFalse();
    }
}
