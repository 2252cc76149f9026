package org.fence4j.agents.config;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.fence4j.agents.process.BoundedCommand;
import org.fence4j.agents.spi.Secret;

/**
 * Runs a secret's {@code X_script} and takes the first line it prints, read from a pipe (never
 * a file: nothing of the secret stays behind when we are killed), at most
 * {@link SecretFile#MAX_BYTES}, within a time limit. It runs as every command does
 * ({@link BoundedCommand}): it and everything it started are killed when it is done or its time is up.
 */
final class SecretScript {
    private SecretScript() {
    }

    /** The first line a command prints ({@code X_script}), read from a pipe within {@code limit}. */
    static Secret read(String command, Duration limit) throws IOException {
        byte[] bytes = run(command, limit);
        try {
            return Secret.of(SecretFile.firstLine(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** What the command printed up to its first line end; an IOException saying why not. */
    private static byte[] run(String command, Duration limit) throws IOException {
        BoundedCommand.Result result;
        try {
            // "it": the caller's message names the command
            result = BoundedCommand.of("/bin/sh", "-c", command).named("it").firstLineOnly().discardStderr()
                    .maxOutput(SecretFile.MAX_BYTES).run(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for it");
        }
        if (result.exitCode() != 0) {
            Arrays.fill(result.stdout(), (byte) 0);
            throw new IOException("it exited with status " + result.exitCode());
        }
        return result.stdout();
    }
}
