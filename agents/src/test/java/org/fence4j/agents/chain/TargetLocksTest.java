package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLocksTest {
    @TempDir
    Path dir;

    static Deadline seconds(int n) {
        return Deadline.after(Duration.ofSeconds(n));
    }

    @Test
    void aHeldTargetIsRefusedWithoutWaitingAndFreeAfterRelease() throws Exception {
        TargetLocks locks = new TargetLocks(dir);
        try (TargetLocks.Held held = locks.acquire("pm02", "pid 1, reset by root", seconds(5), true)) {
            assertThatThrownBy(() -> locks.acquire("pm02", "pid 2", seconds(5), false))
                    .isInstanceOf(TargetLocks.BusyException.class)
                    .hasMessage("another request for pm02 is in progress (pid 1, reset by root); refused");
            try (TargetLocks.Held other = locks.acquire("pm01", "pid 3", seconds(5), false)) {
                assertThat(other).isNotNull();
            }
        }
        try (TargetLocks.Held again = locks.acquire("pm02", "pid 4", seconds(5), false)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aWaiterGetsTheTargetWhenTheHolderReleasesIt() throws Exception {
        TargetLocks locks = new TargetLocks(dir);
        TargetLocks.Held held = locks.acquire("pm02", "first", seconds(5), true);
        CompletableFuture<TargetLocks.Held> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return locks.acquire("pm02", "second", seconds(10), true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiter).isNotDone();
        held.close();
        waiter.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void twoLockInstancesOfOneJvmStillExcludeEachOther() throws Exception {
        try (TargetLocks.Held held = new TargetLocks(dir).acquire("pm02", "first", seconds(5), true)) {
            assertThatThrownBy(() -> new TargetLocks(dir).acquire("pm02", "second", seconds(5), false))
                    .isInstanceOf(TargetLocks.BusyException.class).hasMessageContaining("(first)");
        }
        new TargetLocks(dir).acquire("pm02", "third", seconds(5), false).close();
    }

    @Test
    void waitingEndsAtTheDeadline() throws Exception {
        TargetLocks locks = new TargetLocks(dir);
        try (TargetLocks.Held held = locks.acquire("pm02", "first", seconds(5), true)) {
            assertThatThrownBy(() -> locks.acquire("pm02", "second", Deadline.after(Duration.ofMillis(200)), true))
                    .isInstanceOf(TargetLocks.BusyException.class);
        }
    }
}
