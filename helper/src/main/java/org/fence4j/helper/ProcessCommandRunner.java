package org.fence4j.helper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command as a child process; output goes through a temporary file so waiting stays bounded. */
final class ProcessCommandRunner implements CommandRunner {
    private static final int MAX_OUTPUT = 64 * 1024;

    @Override
    public Result run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Path output = Files.createTempFile("fence4j-helper-", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IOException("did not finish within " + limit.toMillis() + " ms; killed");
                }
            } finally {
                if (process.isAlive()) {
                    Processes.end(process);
                }
            }
            return new Result(process.exitValue(), head(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }
}
