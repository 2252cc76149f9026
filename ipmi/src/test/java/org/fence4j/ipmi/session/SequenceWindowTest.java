package org.fence4j.ipmi.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceWindowTest {

    @Test
    void acceptsEachNumberOnceWithinTheWindow() {
        SequenceWindow w = new SequenceWindow();
        assertThat(w.accept(0)).as("zero is never valid").isFalse();
        assertThat(w.accept(1)).isTrue();
        assertThat(w.accept(1)).as("duplicate").isFalse();
        assertThat(w.accept(4)).as("gap after lost packets").isTrue();
        assertThat(w.accept(3)).as("late, not seen yet").isTrue();
        assertThat(w.accept(3)).as("late duplicate").isFalse();
        assertThat(w.accept(4 + SequenceWindow.AHEAD + 1)).as("wild jump").isFalse();
        assertThat(w.accept(30)).isTrue();
        assertThat(w.accept(30 - SequenceWindow.BEHIND - 1)).as("too old").isFalse();
        assertThat(w.accept(30 - SequenceWindow.BEHIND)).isTrue();
    }
}
