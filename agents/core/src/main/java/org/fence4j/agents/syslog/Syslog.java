package org.fence4j.agents.syslog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static final Path TIMEOUT = Path.of("/usr/bin/timeout");
    /** Longer than any request's lines take (a chain with meatware's ten minutes: some twelve). */
    private static final Duration LONGEST_REQUEST = Duration.ofMinutes(30);

    /** syslog(3)'s severities that fence4j uses, at facility daemon. */
    public enum Severity {
        CRIT("daemon.crit", 2), ERR("daemon.err", 3), WARNING("daemon.warning", 4), NOTICE("daemon.notice", 5);

        private static final int DAEMON = 3;
        private final String priority;
        private final int code;

        Severity(String priority, int severity) {
            this.priority = priority;
            this.code = DAEMON * 8 + severity;
        }

        /** The line as logger --prio-prefix reads it: {@code <29>text} for daemon.notice. */
        String prefixed(String line) {
            return "<" + code + ">" + line;
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
     * Lines of one request, each sent as it is given through one logger that reads them from its
     * stdin: a process for each line would cost every fence a process start per line. The logger
     * starts on a thread of its own, so that the request does not wait for it either.
     */
    public Lines lines(String tag) {
        return new Lines(tag);
    }

    /** See {@link #lines}. */
    public final class Lines {
        /** The lines to send; empty ends them. */
        private final BlockingQueue<Optional<String>> queue = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> written = new CompletableFuture<>();

        private Lines(String tag) {
            Thread pump = new Thread(() -> pump(tag), "syslog " + tag);
            pump.setDaemon(true);
            pump.start();
        }

        public void send(Severity severity, String line) {
            queue.add(Optional.of(severity.prefixed(line)));
        }

        /**
         * Ends the lines and waits at most {@code wait} until logger has them: it may then go on after
         * this process ends. A syslog that is slow or gone costs the lines, never more.
         */
        public void close(Duration wait) {
            queue.add(Optional.empty());
            try {
                written.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // lost lines, said nowhere: the log is no outcome
            }
        }

        private void pump(String tag) {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(TIMEOUT)) {
                // this process may end before logger: a syslog that hangs must not keep it forever
                command.addAll(List.of(TIMEOUT.toString(), "-s", "KILL", Long.toString(LONGEST_REQUEST.toSeconds())));
            }
            command.addAll(List.of(LOGGER, "--socket=" + socket, "--socket-errors=on",
                    "--id=" + ProcessHandle.current().pid(), "--tag", tag, "--prio-prefix"));
            try (BoundedCommand.Feed logger = BoundedCommand.of(command).feed(LIMIT)) {
                for (Optional<String> line = queue.take(); line.isPresent(); line = queue.take()) {
                    logger.write(line.get());
                }
            } catch (IOException | RuntimeException e) {
                // logger cannot run: the lines are lost
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                written.complete(null);
            }
        }
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
