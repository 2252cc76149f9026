package org.fence4j.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.config.SecretFile;
import org.fence4j.agents.spi.Secret;

/**
 * A simulator's password or key, read as fence4j reads every secret: from a private file's first
 * line or from an environment variable, never from the command line. Messages name the file or the
 * variable, never the value.
 */
public final class SimulatorSecret {
    private SimulatorSecret() {
    }

    /** The first line of {@code file}; what is wrong with it says which {@code noun} it should hold. */
    public static Secret fromFile(Path file, String noun) {
        try {
            return SecretFile.readFirstLine(file, DeclaredParameters.SECRET_TIMEOUT);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage()
                    + "; expected a regular file whose first line is the " + noun);
        }
    }

    /** The value of {@code variable} in {@code environment} (the process's: {@code System.getenv()}). */
    public static Secret fromEnvironment(String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return Secret.of(value);
    }
}
