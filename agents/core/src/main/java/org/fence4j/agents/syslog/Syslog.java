package org.fence4j.agents.syslog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.fence4j.agents.process.BoundedCommand;

/**
 * One line to syslog (and so the journal) at once: under pacemaker-fenced an agent's stderr
 * reaches the log only when the agent ends. util-linux {@code logger} writes the line, facility
 * daemon: the JDK cannot send datagrams to a unix socket such as /dev/log. Never holds up the
 * caller: logger runs on its own for at most {@link #LIMIT}.
 */
public final class Syslog {
    /** Another socket than /dev/log, for tests and for machines whose syslog listens elsewhere. */
    public static final String SOCKET_VARIABLE = "FENCE4J_SYSLOG_SOCKET";
    static final Path DEFAULT_SOCKET = Path.of("/dev/log");
    /** Absolute: the PATH is not the place to look for what speaks to syslog as root. */
    private static final String LOGGER = "/usr/bin/logger";
    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** syslog(3)'s severities that fence4j uses, at facility daemon. */
    public enum Severity {
        CRIT("daemon.crit"), ERR("daemon.err"), WARNING("daemon.warning"), NOTICE("daemon.notice");

        private final String priority;

        Severity(String priority) {
            this.priority = priority;
        }
    }

    private final Path socket;

    public Syslog(Path socket) {
        this.socket = socket;
    }

    public static Syslog fromEnvironment(UnaryOperator<String> environment) {
        String socket = environment.apply(SOCKET_VARIABLE);
        return new Syslog(socket == null || socket.isBlank() ? DEFAULT_SOCKET : Path.of(socket));
    }

    public Path socket() {
        return socket;
    }

    /**
     * Starts logger with the line and returns at once. The result completes when logger is done:
     * empty, or why the line did not reach syslog.
     */
    public CompletableFuture<Optional<String>> send(String tag, Severity severity, String message) {
        List<String> command = List.of(LOGGER, "--socket=" + socket, "--socket-errors=on", "--id="
                + ProcessHandle.current().pid(), "--tag", tag, "--priority", severity.priority, "--", message);
        return BoundedCommand.of(command).runInBackground(LIMIT).handle((logger, failure) -> {
            if (failure != null) {
                return Optional.of(failure.getMessage()); // it cannot run, or did not finish within LIMIT
            }
            if (logger.exitCode() == 0) {
                return Optional.empty();
            }
            String said = logger.messages();
            return Optional.of(said.isEmpty() ? "logger exited with " + logger.exitCode() : said);
        });
    }
}
