package org.fence4j.ipmi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fence4j.agents.spi.Secret;

/** Secrets kept in files: the first line, as the SPI's {@code X_file} reads them. */
public final class SecretFiles {
    private SecretFiles() {
    }

    public static Secret firstLine(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return Secret.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
