package org.lightlyjava.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesAndIdsTest {

    @Test
    void idsAreObjectIdsThatSortByCreation() {
        Ids ids = new Ids(Clock.systemUTC());
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertThat(Ids.isValid(id)).isTrue();
            assertThat(seen.add(id)).isTrue();
            boolean counterWrapped = id.endsWith("000000");
            if (previous != null && !counterWrapped) {
                assertThat(id).isGreaterThan(previous);
            }
            previous = id;
        }
        assertThat(Ids.isValid("0123456789ABCDEF01234567")).isFalse();
        assertThatThrownBy(() -> Ids.require("x", "tagId")).hasMessageContaining("tagId");
    }

    @Test
    void lightlysNameRules() {
        assertThat(Names.dataset("farm animals_2-b")).isEqualTo("farm animals_2-b");
        assertThat(Names.tag("sel@1:x=y;z.v")).isEqualTo("sel@1:x=y;z.v");
        for (String bad : new String[] {"ab", " lead", "a/b", "tab\tx"}) {
            assertThatThrownBy(() -> Names.dataset(bad)).isInstanceOf(ApiProblem.class);
        }
        assertThatThrownBy(() -> Names.tag("a.b/c")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Names.dataset("x".repeat(256))).isInstanceOf(ApiProblem.class);
        assertThat(Names.isUser("alice.b@x-y_z")).isTrue();
        assertThat(Names.isUser("-alice")).isFalse();
        assertThatThrownBy(() -> Names.embedding("a\nb")).isInstanceOf(ApiProblem.class);
    }
}
