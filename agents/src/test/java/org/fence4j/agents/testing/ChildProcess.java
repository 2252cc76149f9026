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

/**
 * Runs a command with a clean environment (PATH and LANG=C plus what the test gives) and the given
 * stdin, as Pacemaker or cluster-glue would start it, and kills it if it overruns the limit.
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
     * (quick start). Unlike {@link JavaProcess} it is a plain command, to be run here or written into a script.
     */
    public static List<String> java(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(args);
        return command;
    }

    public static Result run(List<String> command, Map<String, String> environment, String stdin, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C");
        env.putAll(environment);
        try {
            Process process = builder.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outReader = drain(process.getInputStream(), out);
            Thread errReader = drain(process.getErrorStream(), err);
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child does not read stdin and has exited already
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(command.get(0) + " still ran after " + limit);
            }
            outReader.join(TimeUnit.SECONDS.toMillis(10));
            errReader.join(TimeUnit.SECONDS.toMillis(10));
            return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
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
