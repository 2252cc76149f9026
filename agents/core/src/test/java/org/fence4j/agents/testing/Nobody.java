package org.fence4j.agents.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/** Running a local attacker: commands as the unprivileged user nobody, which only root can start. */
public final class Nobody {
    /** The prefix that runs a command as nobody:nogroup without supplementary groups. */
    public static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
            "--clear-groups");

    private Nobody() {
    }

    /** Skips the test unless it runs as root with setpriv installed (CI runs as root). */
    public static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to act as nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
    }

    /** Gives {@code path} to nobody, as if nobody had created it. */
    public static void own(Path path) throws IOException {
        UserPrincipal nobody = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(path, nobody);
    }

    /** {@code command} run as nobody. */
    public static List<String> command(String... command) {
        List<String> all = new java.util.ArrayList<>(AS_NOBODY);
        all.addAll(List.of(command));
        return all;
    }
}
