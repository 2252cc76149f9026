package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try {
            String tty = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return tty.startsWith("/dev/pts/") || tty.startsWith("/dev/tty") ? user + "@" + tty : user;
        } catch (IOException | UnsupportedOperationException e) {
            return user;
        }
    }
}
