package org.fence4j.agents.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secret files as an operator must make them: 0600, or fence4j refuses to read them. */
public final class SecretFiles {
    private SecretFiles() {
    }

    /** Writes {@code text} to {@code file}, mode 0600; returns the file. */
    public static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
