package org.fence4j.agents.protocol.fenceagents;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.fence4j.agents.spi.Parameters;

/**
 * fencing.py's verbose, verbose_level and debug_file: how much of fence4j's log a fence_* agent
 * writes, and where. Applied before the first logger exists (SLF4J simple reads its level once).
 */
final class AgentLogging {
    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private AgentLogging() {
    }

    /** Sets the log level and destination; a problem to report if the debug file cannot be opened. */
    static Optional<String> configure(Parameters options) {
        long level = options.get(StandardOptions.VERBOSE_LEVEL).map(Long::parseLong)
                .orElse(options.bool(StandardOptions.VERBOSE) ? 1L : 0L);
        Optional<String> file = options.get(StandardOptions.DEBUG_FILE).filter(f -> !f.isBlank());
        if (file.isPresent()) {
            try {
                // the log (SLF4J simple writes to System.err as it is at each line) is appended to the file;
                // the agent's own ERROR lines keep the stderr it was given
                // never through a symbolic link: a link another user planted in /tmp must not aim root's appends
                System.setErr(new PrintStream(Files.newOutputStream(Path.of(file.get()), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), true, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.of(StandardOptions.DEBUG_FILE + ": cannot append to '" + file.get() + "' ("
                        + e.getClass().getSimpleName() + "); expected a writable file, not a symbolic link");
            }
            level = Math.max(level, 2);
        }
        if (level > 0) {
            System.setProperty(LEVEL, level >= 2 ? "debug" : "info");
        }
        return Optional.empty();
    }
}
