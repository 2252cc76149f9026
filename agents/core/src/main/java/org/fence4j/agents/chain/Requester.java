package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Who asked for a request, for the history: the cluster's fencer, or user and terminal. */
public final class Requester {
    private Requester() {
    }

    public static String describe(UnaryOperator<String> environment) {
        String service = environment.apply("PCMK_service");
        if (service != null && !service.isBlank()) {
            return service;
        }
        String user = System.getProperty("user.name", "unknown");
        return terminal(Path.of("/proc/self")).map(tty -> user + "@" + tty).orElse(user);
    }

    /** The terminal on the standard input of the process at {@code procDir} ({@code /proc/PID}), if any. */
    public static Optional<String> terminal(Path procDir) {
        try {
            String in = Files.readSymbolicLink(procDir.resolve("fd/0")).toString();
            return in.startsWith("/dev/pts/") || in.startsWith("/dev/tty") ? Optional.of(in) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
