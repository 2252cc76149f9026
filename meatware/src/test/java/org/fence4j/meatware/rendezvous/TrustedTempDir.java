package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories where a rendezvous may be: not under /tmp (sticky, world-writable: refused)
 * but under /run when the tests run as root, else under $XDG_RUNTIME_DIR (the user's own, under
 * root's /run/user). Use as {@code @TempDir(factory = TrustedTempDir.class)}.
 */
public final class TrustedTempDir implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        return create();
    }

    /** A fresh directory (mode 0700) in a trusted place; the test is skipped when there is none. */
    public static Path create() throws IOException {
        Path base = FileModes.ownUid() == 0 ? Rendezvous.DEFAULT_DIR
                : Path.of(System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent"));
        Assumptions.assumeTrue(Files.isDirectory(base) && Files.isWritable(base),
                "no directory only root and this user can change (/run as root, else $XDG_RUNTIME_DIR)");
        Path dir = Files.createTempDirectory(base, "fence4j-test.");
        FileModes.requireTrustedDirectory(dir);
        return dir;
    }
}
