package org.lightlyjava.server.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BlobKeyTest {

    private static final String DS = "0123456789abcdef01234567";
    private static final String ID = "fedcba9876543210fedcba98";

    @Test
    void keysRoundTripThroughTheirText() {
        for (BlobKey key :
                new BlobKey[] {
                    BlobKey.thumbnail(DS, ID), BlobKey.full(DS, ID), BlobKey.embeddingsCsv(DS, ID)
                }) {
            assertThat(BlobKey.parse(key.text())).contains(key);
        }
        assertThat(BlobKey.full(DS, ID).text()).isEqualTo(DS + "/full/" + ID);
    }

    @Test
    void anythingElseIsNoKey() {
        for (String text :
                new String[] {
                    "",
                    DS,
                    DS + "/full/../" + ID,
                    DS + "/full/" + ID + "/x",
                    "../" + DS + "/full/" + ID,
                    DS.toUpperCase() + "/full/" + ID,
                    DS + "/embeddings/" + ID,
                    DS + "/other/" + ID
                }) {
            assertThat(BlobKey.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void filesStayInsideTheirDatasetsFolder(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        BlobFiles files = BlobFiles.open(dir);
        Path thumb = files.path(BlobKey.thumbnail(DS, ID));
        assertThat(thumb)
                .isEqualTo(
                        dir.resolve("blobs")
                                .resolve(DS)
                                .resolve("thumbnail")
                                .resolve("98")
                                .resolve(ID));
        assertThat(files.path(BlobKey.embeddingsCsv(DS, ID)).getFileName().toString())
                .isEqualTo(ID + ".csv");
    }
}
