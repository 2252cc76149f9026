package org.fence4j.agents.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A local user's process that holds a shared lock on a file, the lock fence4j's own processes
 * take (fcntl, as Java's file locks are): {@code HoldLock FILE}. Prints {@code locked} once it
 * holds it, then keeps it until killed or a minute has passed. Needs nothing but its own
 * class, so that it runs as any user ({@link #command}).
 */
public final class HoldLock {
    private static final long HOLD_MILLIS = 60_000;

    private HoldLock() {
    }

    /** The command line, prefixed with {@code asUser} (e.g. setpriv ...), whose class path is this class only. */
    public static List<String> command(Path file, List<String> asUser) {
        String classes = Path.of(HoldLock.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new java.util.ArrayList<>(asUser);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", classes, HoldLock.class.getName(), file.toString()));
        return command;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ);
             FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(HOLD_MILLIS);
        }
    }
}
