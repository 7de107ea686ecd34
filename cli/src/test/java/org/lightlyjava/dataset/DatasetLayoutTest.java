package org.lightlyjava.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetLayoutTest {

    private static DatasetLayout.Layout arrange(Set<String> dirs, String... files) {
        return DatasetLayout.arrange(dirs, List.of(files), name -> "/data/" + name, "/data");
    }

    @Test
    void arrange_classes_walkDirectoriesInPathOrder_thenNames() {
        DatasetLayout.Layout layout =
                arrange(
                        Set.of(),
                        "b/z.jpg",
                        "a/deep/x.jpg",
                        "a/deep-er/y.png",
                        "a/deep/a/b.jpg",
                        "a/c.jpg",
                        "a/B.jpg",
                        "top.jpg");
        assertThat(layout.classes()).containsExactly("a", "b");
        assertThat(layout.samples())
                .containsExactly(
                        new Sample("a/B.jpg", 0),
                        new Sample("a/c.jpg", 0),
                        new Sample("a/deep/x.jpg", 0),
                        new Sample("a/deep-er/y.png", 0),
                        new Sample("a/deep/a/b.jpg", 0),
                        new Sample("b/z.jpg", 1));
        assertThat(layout.samples()).isSortedAccordingTo(DatasetLayout.ORDER);
    }

    @Test
    void arrange_emptyTopFolder_isAClassWithoutImages_andShiftsTheLabels() {
        DatasetLayout.Layout layout = arrange(Set.of("a", "b"), "c/x.jpg");
        assertThat(layout.classes()).containsExactly("a", "b", "c");
        assertThat(layout.samples()).containsExactly(new Sample("c/x.jpg", 2));
    }

    @Test
    void arrange_hiddenAndRunFolders_areNoClasses() {
        DatasetLayout.Layout layout =
                arrange(
                        Set.of(),
                        ".lightly/thumbnails/x_thumb.jpg",
                        "lightly_outputs/2026-01-01/y.jpg",
                        "z.jpg",
                        ".a.jpg");
        assertThat(layout.classes()).containsExactly("");
        assertThat(layout.samples())
                .containsExactly(new Sample(".a.jpg", 0), new Sample("z.jpg", 0));
    }

    @Test
    void arrange_refusesBadNamesWithTheirFullPathLength() {
        String deep = "c/" + "d".repeat(246) + ".jpg";
        DatasetLayout.Layout layout = arrange(Set.of(), "c/a,b.jpg", deep, "c/ok.jpg", "c/t.txt");
        assertThat(layout.samples()).containsExactly(new Sample("c/ok.jpg", 0));
        assertThat(layout.rejected())
                .extracting(ImageSource.Rejected::fileName)
                .containsExactly("c/a,b.jpg", deep);
        assertThat(layout.rejected().get(1).reason()).contains("258 characters");
    }
}
