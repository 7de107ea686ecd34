package org.lightlyjava.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void distance_countsEditsAndSwaps() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("seed", "seed")).isZero();
        assertThat(DidYouMean.distance("trian", "train")).isEqualTo(1);
    }

    @Test
    void forKey_leafMatch_suggestsNestedKey() {
        assertThat(DidYouMean.forKey("max_epochs")).containsExactly("trainer.max_epochs");
        assertThat(DidYouMean.forKey("lr")).containsExactly("optimizer.lr");
        assertThat(DidYouMean.forKey("model.batch_size")).containsExactly("loader.batch_size");
    }

    @Test
    void forKey_typoOrPartOfLeaf_suggestsClosest() {
        assertThat(DidYouMean.forKey("tokn")).containsExactly("token");
        assertThat(DidYouMean.forKey("epochs"))
                .containsExactly("trainer.max_epochs", "optimizer.warmup_epochs");
        assertThat(DidYouMean.forKey("Input_Dir")).containsExactly("input_dir");
    }

    @Test
    void forKey_farFromEverything_suggestsNothing() {
        assertThat(DidYouMean.forKey("zzzzzzzz")).isEmpty();
        assertThat(DidYouMean.unknownKey("zzzzzzzz")).isEqualTo("unknown key 'zzzzzzzz'");
    }

    @Test
    void phrase_joinsCandidates() {
        assertThat(DidYouMean.phrase(List.of("a"))).hasValue("did you mean a?");
        assertThat(DidYouMean.phrase(List.of("a", "b", "c"))).hasValue("did you mean a, b or c?");
        assertThat(DidYouMean.phrase(List.of())).isEmpty();
    }

    @Test
    void closest_worksForAnyNames() {
        assertThat(DidYouMean.closest("trian", List.of("train", "embed", "magic")))
                .containsExactly("train");
    }
}
