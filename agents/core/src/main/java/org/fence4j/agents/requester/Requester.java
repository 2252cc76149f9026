package org.fence4j.agents.requester;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Who asks: for the history, the cluster's fencer or a user and their terminal; for a prompt, whether
 * a person sits at this process's terminal to answer.
 */
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

    /**
     * Whether a person can answer on {@code console}: JDK 17 gives no console when stdin or stdout
     * is redirected; JDK 22+ gives one anyway and tells with {@code isTerminal()}.
     */
    public static boolean atTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
