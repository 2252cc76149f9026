package org.fence4j.meatware;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.fence4j.agents.process.BoundedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells syslog (and so the journal) at once, at crit level, as cluster-glue's meatware does: under
 * pacemaker-fenced an agent's stderr reaches the log only when the agent ends, long after the
 * operator should have started. util-linux {@code logger} writes the line: the JDK cannot send
 * datagrams to a unix socket such as /dev/log. Never holds up the caller: logger runs on its own
 * for at most {@link #LIMIT}; a failure is a warning on stderr.
 */
final class Syslog {
    /** Another socket than /dev/log, for tests and for machines whose syslog listens elsewhere. */
    static final String SOCKET_VARIABLE = "FENCE4J_SYSLOG_SOCKET";
    static final Path DEFAULT_SOCKET = Path.of("/dev/log");
    static final String TAG = "fence4j-meatware";
    /** Absolute: the PATH is not the place to look for what speaks to syslog as root. */
    private static final String LOGGER = "/usr/bin/logger";
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Syslog.class);

    private final Path socket;

    Syslog(Path socket) {
        this.socket = socket;
    }

    static Syslog fromEnvironment(UnaryOperator<String> environment) {
        String socket = environment.apply(SOCKET_VARIABLE);
        return new Syslog(socket == null || socket.isBlank() ? DEFAULT_SOCKET : Path.of(socket));
    }

    /**
     * Starts logger with the line at daemon.crit and returns at once. The result completes when logger
     * is done: empty, or why the line did not reach syslog (also logged as a warning).
     */
    CompletableFuture<Optional<String>> crit(String message) {
        List<String> command = List.of(LOGGER, "--socket=" + socket, "--socket-errors=on", "--id="
                + ProcessHandle.current().pid(), "--tag", TAG, "--priority", "daemon.crit", "--", message);
        return BoundedCommand.of(command).runInBackground(LIMIT).handle((logger, failure) -> {
            if (failure != null) {
                return failed(failure.getMessage()); // it cannot run, or did not finish within LIMIT
            }
            if (logger.exitCode() == 0) {
                return Optional.empty();
            }
            String said = logger.messages();
            return failed(said.isEmpty() ? "logger exited with " + logger.exitCode() : said);
        });
    }

    private Optional<String> failed(String why) {
        String message = "The operator alert did not reach syslog through " + socket + ": " + why;
        LOG.warn(message);
        return Optional.of(message);
    }
}
