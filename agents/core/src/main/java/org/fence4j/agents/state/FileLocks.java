package org.fence4j.agents.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.time.Duration;
import org.fence4j.agents.spi.Deadline;

/** Waiting for an exclusive file lock by polling on the deadline's clock, so that a wait ends by its deadline. */
public final class FileLocks {
    private static final Duration POLL = Duration.ofMillis(20);

    private FileLocks() {
    }

    /**
     * The exclusive lock of {@code channel}, tried until {@code deadline} (once when it has passed);
     * null if another process or thread kept it. Java file locks belong to the whole JVM, so a
     * lock held elsewhere in this JVM counts as held, not as an error.
     */
    public static FileLock poll(FileChannel channel, Deadline deadline) throws IOException, InterruptedException {
        FileLock lock = tryLock(channel);
        while (lock == null && !deadline.expired()) {
            deadline.clock().sleep(deadline.remainingAtMost(POLL));
            lock = tryLock(channel);
        }
        return lock;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }
}
