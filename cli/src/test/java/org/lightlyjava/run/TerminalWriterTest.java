package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {

    private final StringWriter target = new StringWriter();
    private final TerminalWriter writer = new TerminalWriter(target);

    @Test
    void print_afterFrame_clearsTheBarLineFirst() {
        writer.frame("embed [====    ] 4/8");
        writer.println("12:00:00 INFO  loss=4.12");
        writer.frame("embed [========] 8/8");
        writer.endFrames();

        assertThat(target.toString())
                .isEqualTo(
                        "\rembed [====    ] 4/8"
                                + "\r\033[K12:00:00 INFO  loss=4.12\n"
                                + "\rembed [========] 8/8\n");
    }

    @Test
    void print_withoutFrame_isPlain() {
        writer.println("plain");
        writer.endFrames();

        assertThat(target.toString()).isEqualTo("plain\n");
    }
}
