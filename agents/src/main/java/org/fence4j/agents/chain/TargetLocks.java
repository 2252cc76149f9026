package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.fence4j.agents.spi.Deadline;

/**
 * One request per target at a time, across processes and threads: an exclusive lock on
 * {@code DIR/TARGET.lock}. Java file locks belong to the whole JVM, so a second request of the
 * same JVM sees the lock as held ({@link OverlappingFileLockException}) and waits like any other.
 * Different targets never wait for each other.
 */
public final class TargetLocks {
    private static final long POLL_MILLIS = 50;

    private final Path dir;

    public TargetLocks(Path dir) {
        this.dir = dir;
    }

    /** Another request holds the target and the wait was not allowed or ran out. */
    public static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the target's lock, waiting until the deadline (or not at all when {@code wait} is
     * false). {@code holder} is written into the lock file so that a refused caller can say who.
     */
    public Held acquire(String target, String holder, Deadline deadline, boolean wait)
            throws BusyException, IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(target + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            FileLock lock = tryLock(channel);
            while (lock == null && wait && !deadline.expired()) {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, deadline.remainingMillis())));
                lock = tryLock(channel);
            }
            if (lock == null) {
                throw new BusyException("another request for " + target + " is in progress (" + readHolder(file) + ")"
                        + (wait ? " and did not finish in time" : "") + "; refused");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return () -> {
                try (channel) {
                    channel.truncate(0);
                } catch (IOException e) {
                    // closing the channel releases the lock all the same
                }
            };
        } catch (BusyException | IOException | InterruptedException | RuntimeException e) {
            channel.close(); // releases the lock if it was taken
            throw e;
        }
    }

    /** The lock, or null while another process or thread holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static String readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }
}
