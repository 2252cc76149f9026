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
 * Runs a main class in a child JVM with this test's class path, a clean environment (PATH plus what
 * the test gives) and the given stdin, as Pacemaker or cluster-glue would start it.
 */
public final class JavaProcess {
    private JavaProcess() {
    }

    /** What a finished child process did. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** stdout and stderr, for searching all output at once. */
        public String all() {
            return stdout + stderr;
        }
    }

    /** The command that starts {@code mainClass} the way the launchers do (quick start, small heap). */
    public static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xss512k", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return command;
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static Result run(Class<?> mainClass, List<String> args, Map<String, String> environment, String stdin,
            Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, args));
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C");
        env.putAll(environment);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outReader = drain(process.getInputStream(), out);
            Thread errReader = drain(process.getErrorStream(), err);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(mainClass.getSimpleName() + " " + args + " still ran after " + limit);
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
