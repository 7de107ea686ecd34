package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameIndexTest {

    @Test
    void indexOf_findsEveryNameExactly_andNothingElse() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            names.add(String.format("c%03d/img_%06d.jpg", i / 1000, i));
        }
        names.add("ünïcødé/日本.png");
        names.add("with,comma \"and quote\".jpg");
        NameIndex index = NameIndex.of(names::forEach);
        assertThat(index.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(index.indexOf(names.get(i))).isEqualTo(i);
            assertThat(index.name(i)).isEqualTo(names.get(i));
        }
        assertThat(index.indexOf("c000/img_000000.JPG")).isEqualTo(-1);
        assertThat(index.indexOf("c000/img_000000.jp")).isEqualTo(-1);
        assertThat(index.indexOf("")).isEqualTo(-1);
        assertThat(index.indexOf("ünïcødé/日本.pn")).isEqualTo(-1);
    }

    @Test
    void emptyIndex_findsNothing_aRepeatedNameFindsTheFirst() {
        assertThat(NameIndex.of(sink -> {}).indexOf("a")).isEqualTo(-1);
        NameIndex twice = NameIndex.of(List.of("a", "b", "a")::forEach);
        assertThat(twice.indexOf("a")).isZero();
        assertThat(twice.name(2)).isEqualTo("a");
    }
}
