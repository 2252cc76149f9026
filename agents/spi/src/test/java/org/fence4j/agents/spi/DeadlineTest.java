package org.fence4j.agents.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 5_000_000_000L); // close to wrap-around on purpose
    /** Reads {@code now}; the shared FakeClock lives in core's test-jar, which the spi cannot depend on. */
    final MonotonicClock clock = new MonotonicClock() {
        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleep(Duration duration) {
            throw new UnsupportedOperationException("a Deadline never sleeps");
        }
    };

    @Test
    void countsDownAndExpires() {
        Deadline d = Deadline.after(Duration.ofSeconds(10), clock);
        assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(7).toNanos());
        assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.expired()).isFalse();
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(d.expired()).isTrue();
        assertThat(d.remaining()).isZero();
    }

    @Test
    void atMostTakesTheEarlier() {
        Deadline d = Deadline.after(Duration.ofSeconds(10), clock);
        assertThat(d.atMost(Duration.ofSeconds(3)).remaining()).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.atMost(Duration.ofSeconds(30)).remaining()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.remainingAtMost(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.remainingAtMost(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void hugeAndNegativeTimeoutsAreClamped() {
        assertThat(Deadline.after(Duration.ofDays(365L * 1000), clock).expired()).isFalse();
        assertThat(Deadline.after(Duration.ofSeconds(-1), clock).expired()).isTrue();
    }
}
