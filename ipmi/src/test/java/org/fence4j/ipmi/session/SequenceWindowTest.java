package org.fence4j.ipmi.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceWindowTest {

    @Test
    void theFirstNumberMayBeAnything() {
        SequenceWindow w = new SequenceWindow();
        assertThat(w.accept(0x7000_0000)).isTrue();
        assertThat(w.accept(0x7000_0000)).isFalse();
        assertThat(w.accept(0x7000_0001)).isTrue();
        assertThat(w.accept(1)).isFalse();
    }

    @Test
    void acceptsEachNumberOnceWithinTheWindow() {
        SequenceWindow w = new SequenceWindow();
        assertThat(w.accept(0)).as("zero is never valid").isFalse();
        assertThat(w.accept(1)).isTrue();
        assertThat(w.accept(1)).as("duplicate").isFalse();
        assertThat(w.accept(4)).as("gap after lost packets").isTrue();
        assertThat(w.accept(2)).as("late, not seen yet").isTrue();
        assertThat(w.accept(3)).as("late, not seen yet").isTrue();
        assertThat(w.accept(3)).as("late duplicate").isFalse();
        assertThat(w.accept(4 + SequenceWindow.AHEAD + 1)).as("wild jump").isFalse();
        assertThat(w.accept(30)).isTrue();
        assertThat(w.accept(30 - SequenceWindow.BEHIND - 1)).as("too old").isFalse();
        assertThat(w.accept(30 - SequenceWindow.BEHIND)).isTrue();
    }

    @Test
    void numbersGoOnAcrossTheWrapWhichSkipsZero() {
        SequenceWindow w = new SequenceWindow();
        assertThat(w.accept(0xFFFF_FFFE)).isTrue();
        assertThat(w.accept(0xFFFF_FFFF)).isTrue();
        assertThat(w.accept(1)).as("the number after 0xFFFFFFFF").isTrue();
        assertThat(w.accept(0xFFFF_FFFF)).as("duplicate from before the wrap").isFalse();
        assertThat(w.accept(0xFFFF_FFFD)).as("late, from before the wrap").isTrue();
        assertThat(w.accept(3)).isTrue();
        assertThat(w.accept(0xFFFF_FFFF - SequenceWindow.BEHIND)).as("too old, across the wrap").isFalse();
        assertThat(w.accept(3 + SequenceWindow.AHEAD + 1)).as("wild jump").isFalse();
    }
}
