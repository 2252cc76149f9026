package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.NodeName;
import org.fence4j.agents.state.FileLocks;
import org.fence4j.agents.state.PrivateDirectory;

/**
 * One power request per target at a time, across processes and threads, whichever entry point
 * asks (fence-cli, the fence_fence4j* agents, the external/fence4j* plugins): an exclusive lock on
 * {@code TARGET.lock} in one fixed directory, {@link #DEFAULT_DIR}, that no configuration file
 * chooses. Java file locks belong to the whole JVM, so a second request of the same JVM sees the
 * lock as held and waits like any other: the lock is not
 * re-entrant, so a request takes it once (the whole chain's levels run under their request's lock).
 * Different targets never wait for each other.
 */
public final class TargetLocks {
    /** tmpfs, root's: a lock outlives no reboot, and a stale file is harmless (the lock is the flock). */
    public static final Path DEFAULT_DIR = Path.of("/run/fence4j/locks");
    /** Another lock directory, for tests and demos; it must be private like the default. */
    public static final String DIR_VARIABLE = "FENCE4J_LOCK_DIR";
    /** Lock file names: node names as they are, lower case; anything else is escaped. */
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789_-.";
    /** Within NAME_MAX (255) with ".lock", for a name escaped to three times its length. */
    private static final int LONGEST_FILE_NAME = 200;
    private static final int DIGEST_CHARACTERS = 32;

    private final Path dir;

    public TargetLocks(Path dir) {
        this.dir = dir;
    }

    /** The locks every entry point shares: {@link #DEFAULT_DIR}, unless {@link #DIR_VARIABLE} names another. */
    public static TargetLocks shared(UnaryOperator<String> environment) {
        String dir = environment.apply(DIR_VARIABLE);
        return new TargetLocks(dir == null || dir.isBlank() ? DEFAULT_DIR : Path.of(dir));
    }

    /** The process's shared locks. */
    public static TargetLocks shared() {
        return shared(System::getenv);
    }

    public Path dir() {
        return dir;
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

    /** Who holds a lock, as a refused request reports it: process, action, requester and since when. */
    public static String holder(String action, String requester) {
        return "pid " + ProcessHandle.current().pid() + ", " + action + " by " + requester + " since " + Instant.now();
    }

    /**
     * The lock file's name for a target: node names compare without case (pm02 and PM02 are one
     * node, as the agents accept either); '/', a leading '.', '%' and any other character outside
     * [a-z0-9_.-] are escaped as %XX, so no name leaves the directory and two names never share a file.
     * A name that escapes to more than {@link #LONGEST_FILE_NAME} characters keeps its start and
     * ends in '~' and a digest of the whole ('~' is escaped in any other name), within NAME_MAX.
     */
    static String fileName(String target) {
        Optional<String> problem = NodeName.problem(target);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        StringBuilder name = new StringBuilder();
        byte[] bytes = target.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            boolean plain = PLAIN.indexOf(c) >= 0 && !(i == 0 && c == '.');
            name.append(plain ? String.valueOf(c) : String.format("%%%02x", bytes[i] & 0xff));
        }
        if (name.length() > LONGEST_FILE_NAME) {
            String digest = HexFormat.of().formatHex(sha256(name.toString())).substring(0, DIGEST_CHARACTERS);
            name.setLength(LONGEST_FILE_NAME - DIGEST_CHARACTERS - 1);
            name.append('~').append(digest);
        }
        return name + ".lock";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Takes the target's lock, waiting until the deadline (or not at all when {@code wait} is
     * false). {@code holder} is written into the lock file so that a refused caller can say who.
     *
     * @throws org.fence4j.agents.state.UnsafeStateException when the lock directory or file could be
     *     changed by another user
     */
    public Held acquire(String target, String holder, Deadline deadline, boolean wait)
            throws BusyException, IOException, InterruptedException {
        FileChannel channel = PrivateDirectory.create(dir, "lock directory").open(fileName(target),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            if (FileLocks.poll(channel, wait ? deadline : Deadline.after(Duration.ZERO)) == null) {
                throw new BusyException("another request for " + target + " is in progress (" + readHolder(channel)
                        + ")" + (wait ? " and did not finish in time" : "") + "; refused");
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

    /** What the holder wrote, read through the open file (never by path again). */
    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }
}
