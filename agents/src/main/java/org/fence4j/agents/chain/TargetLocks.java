package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;

/**
 * One request per target at a time, across threads and processes: a semaphore per target inside
 * this JVM (Java file locks belong to the whole JVM) and an exclusive lock on
 * {@code DIR/TARGET.lock} across processes. Different targets never wait for each other.
 */
public final class TargetLocks {
    private static final long POLL_MILLIS = 50;

    private final Path dir;
    private final ConcurrentHashMap<String, Semaphore> local = new ConcurrentHashMap<>();

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
        Semaphore inJvm = local.computeIfAbsent(target, t -> new Semaphore(1));
        boolean gotLocal = wait ? inJvm.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)
                : inJvm.tryAcquire();
        if (!gotLocal) {
            throw new BusyException(busyMessage(target, "another request in this process", wait));
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(target + ".lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            while (lock == null && wait && !deadline.expired()) {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, deadline.remainingMillis())));
                lock = tryLock(channel);
            }
            if (lock == null) {
                String other = readHolder(file);
                channel.close();
                throw new BusyException(busyMessage(target, other, wait));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            FileLock held = lock;
            return () -> {
                try (channel) {
                    channel.truncate(0);
                    held.release();
                } catch (IOException e) {
                    // closing the channel releases the lock anyway
                } finally {
                    inJvm.release();
                }
            };
        } catch (BusyException | IOException | RuntimeException e) {
            inJvm.release();
            throw e;
        } catch (InterruptedException e) {
            inJvm.release();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        return channel.tryLock();
    }

    private static String readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String busyMessage(String target, String holder, boolean waited) {
        return "another request for " + target + " is in progress (" + holder + ")"
                + (waited ? " and did not finish in time" : "") + "; refused";
    }
}
