package org.fence4j.agents.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.chain.TargetLocks;

/**
 * Runs a command as Pacemaker, cluster-glue or an operator's shell would start it: a clean environment
 * (PATH and LANG=C plus what the test gives, so nothing of the build's environment leaks in), the given
 * stdin, and every wait bounded in time. {@link #run} waits for the end; {@link #start} returns at once
 * for tests that signal the child or start several side by side.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** What a finished child process did. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** stdout and stderr, for searching all output at once. */
        public String all() {
            return stdout + stderr;
        }
    }

    /**
     * The command that starts {@code mainClass} with this test's class path the way the launchers do
     * (quick start); a plain command, to be run here or written into a script.
     */
    public static List<String> java(Class<?> mainClass, List<String> args) {
        return java(mainClass, args, System.getProperty("java.class.path"));
    }

    /** The same with another class path. */
    public static List<String> java(Class<?> mainClass, List<String> args, String classPath) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, mainClass.getName()));
        command.addAll(args);
        return command;
    }

    /** Runs {@code command} to its end; kills it and fails the test if it overruns {@code limit}. */
    public static Result run(List<String> command, Map<String, String> environment, String stdin, Duration limit) {
        return start(command, environment, stdin).await(limit);
    }

    /** Starts {@code command} and returns while it runs; stdin is written and closed at once. */
    public static Running start(List<String> command, Map<String, String> environment, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C");
        // the build's private lock directory (pom.xml), so that tests never share /run/fence4j/locks
        String locks = System.getenv(TargetLocks.DIR_VARIABLE);
        if (locks != null) {
            env.put(TargetLocks.DIR_VARIABLE, locks);
        }
        env.putAll(environment);
        try {
            Process process = builder.start();
            Running running = new Running(command.get(0), process);
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child does not read stdin and has exited already
            }
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started child process whose output is collected as it comes. */
    public static final class Running {
        private final String name;
        private final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread outReader;
        private final Thread errReader;

        private Running(String name, Process process) {
            this.name = name;
            this.process = process;
            this.outReader = drain(process.getInputStream(), out);
            this.errReader = drain(process.getErrorStream(), err);
        }

        public long pid() {
            return process.pid();
        }

        /** Sends a signal by name, e.g. INT as Ctrl-C does. */
        public void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
                if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                    throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Waits until the child printed {@code text} on stdout; fails if it ends or {@code limit} passes first. */
        public void awaitOutput(String text, Duration limit) {
            await(out, outReader, "stdout", text, limit);
        }

        /** Waits until the child printed {@code text} on stderr; fails if it ends or {@code limit} passes first. */
        public void awaitError(String text, Duration limit) {
            await(err, errReader, "stderr", text, limit);
        }

        private void await(ByteArrayOutputStream stream, Thread reader, String what, String text, Duration limit) {
            long end = System.nanoTime() + limit.toNanos();
            try {
                while (System.nanoTime() - end < 0) {
                    if (stream.toString(StandardCharsets.UTF_8).contains(text)) {
                        return;
                    }
                    if (!process.isAlive()) {
                        reader.join(TimeUnit.SECONDS.toMillis(10));
                        if (stream.toString(StandardCharsets.UTF_8).contains(text)) {
                            return;
                        }
                        break;
                    }
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            throw new AssertionError("no '" + text + "' on " + what + " of " + name + " within " + limit + "; output: "
                    + output());
        }

        /** Waits for the end; kills the child and fails the test if it overruns {@code limit}. */
        public Result await(Duration limit) {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(name + " still ran after " + limit + "; output: " + output());
                }
                return finished();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Kills the child (SIGKILL) and returns what it did until then. */
        public Result kill() {
            try {
                if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
                    throw new AssertionError(name + " survived SIGKILL for 10 s");
                }
                return finished();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        private Result finished() throws InterruptedException {
            outReader.join(TimeUnit.SECONDS.toMillis(10));
            errReader.join(TimeUnit.SECONDS.toMillis(10));
            return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }

        private String output() {
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }

        private static Thread drain(InputStream from, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                try {
                    from.transferTo(to);
                } catch (IOException e) {
                    // the process ended; what was read is kept
                }
            }, "child-output");
            t.setDaemon(true);
            t.start();
            return t;
        }
    }
}
