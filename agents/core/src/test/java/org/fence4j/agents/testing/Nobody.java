package org.fence4j.agents.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
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

    /**
     * {@code mainClass} started as nobody with this test's class path: its jars (in root's ~/.m2,
     * which nobody cannot read) copied into {@code dir}, which nobody must be able to read.
     */
    public static List<String> java(Class<?> mainClass, List<String> args, Path dir) throws IOException {
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (Files.isRegularFile(source)) {
                Path copy = dir.resolve(classPath.size() + "-" + source.getFileName());
                Files.copy(source, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                source = copy;
            }
            classPath.add(source.toString());
        }
        List<String> all = new ArrayList<>(AS_NOBODY);
        all.addAll(ChildProcess.java(mainClass, args, String.join(File.pathSeparator, classPath)));
        return all;
    }

    /** {@code command} run as nobody. */
    public static List<String> command(String... command) {
        List<String> all = new ArrayList<>(AS_NOBODY);
        all.addAll(List.of(command));
        return all;
    }
}
