package org.fence4j.agents.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.NodeName;
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

    @Test
    void theLockIsNamedByTheNodeWhateverTheCaseAndNoNameLeavesTheDirectory() throws Exception {
        assertThat(TargetLocks.fileName("pm02")).isEqualTo("pm02.lock");
        assertThat(TargetLocks.fileName("PM02")).isEqualTo("pm02.lock");
        assertThat(TargetLocks.fileName("pm02.example.org")).isEqualTo("pm02.example.org.lock");
        assertThat(TargetLocks.fileName("../../etc/passwd")).isEqualTo("%2e.%2f..%2fetc%2fpasswd.lock");
        assertThat(TargetLocks.fileName("..")).isEqualTo("%2e..lock");
        assertThat(TargetLocks.fileName("pm%2f02")).isEqualTo("pm%252f02.lock");
        assertThatThrownBy(() -> TargetLocks.fileName(" ")).isInstanceOf(IllegalArgumentException.class);

        TargetLocks locks = new TargetLocks(dir);
        try (TargetLocks.Held held = locks.acquire("pm02", "pid 1", seconds(5), true)) {
            assertThatThrownBy(() -> locks.acquire("PM02", "pid 2", seconds(5), false))
                    .isInstanceOf(TargetLocks.BusyException.class);
            locks.acquire("../pm02", "pid 3", seconds(5), false).close();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pm02.lock",
                    "%2e.%2fpm02.lock");
        }
    }

    @Test
    void aNodeNameUpToADnsNamesLengthHasALockOfItsOwnAndALongerOneIsAUsageProblem() throws Exception {
        String longest = "n".repeat(NodeName.LONGEST);
        String nearly = "n".repeat(NodeName.LONGEST - 1);
        String escaped = "/".repeat(NodeName.LONGEST); // each character is three in the file name
        for (String name : List.of(longest, nearly, escaped)) {
            assertThat(NodeName.problem(name)).isEmpty();
            assertThat(TargetLocks.fileName(name).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        }
        assertThat(Set.of(TargetLocks.fileName(longest), TargetLocks.fileName(nearly), TargetLocks.fileName(escaped)))
                .hasSize(3).allMatch(n -> n.contains("~"));
        assertThat(TargetLocks.fileName(longest.toUpperCase())).isEqualTo(TargetLocks.fileName(longest));

        TargetLocks locks = new TargetLocks(dir);
        try (TargetLocks.Held held = locks.acquire(longest, "pid 1", seconds(5), true)) {
            assertThatThrownBy(() -> locks.acquire(longest, "pid 2", seconds(5), false))
                    .isInstanceOf(TargetLocks.BusyException.class);
            locks.acquire(nearly, "pid 3", seconds(5), false).close();
        }

        assertThat(NodeName.problem(longest + "n")).contains("a node name has at most 253 characters (a DNS"
                + " name's limit); got 254");
        assertThat(NodeName.problem(" ")).contains("no node named; expected the node's name");
    }

    @Test
    void theSharedLocksAreInRunFence4jWhateverTheConfiguration() {
        assertThat(TargetLocks.shared(k -> null).dir()).isEqualTo(Path.of("/run/fence4j/locks"));
        assertThat(TargetLocks.shared(Map.of("FENCE4J_LOCK_DIR", "/tmp/x")::get).dir()).isEqualTo(Path.of("/tmp/x"));
    }
}
