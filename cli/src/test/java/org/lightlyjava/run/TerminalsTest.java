package org.lightlyjava.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalsTest {

    @Test
    void isTerminalDevice_ptsAndTty_areTerminals() {
        assertThat(Terminals.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminals.isTerminalDevice("/dev/tty1")).isTrue();
    }

    @Test
    void isTerminalDevice_pipesFilesAndNull_areNot() {
        assertThat(Terminals.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminals.isTerminalDevice("/tmp/out.log")).isFalse();
        assertThat(Terminals.isTerminalDevice("/dev/null")).isFalse();
    }
}
