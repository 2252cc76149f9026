package org.fence4j.agents.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@code stonith_admin} of the test's own, on a search path of its own: it notes its arguments and answers
 * with {@code script}, a shell script's body that names programs by their path (the search path is its own).
 * For what fence-cli does with an answer: what the real one answers is captured (stonith-admin/*.xml), and
 * the bin module's ClusterHistoryIT asks a real fencer.
 */
final class StandInStonithAdmin {
    final Path dir;

    StandInStonithAdmin(Path dir, String script) throws IOException {
        this.dir = Files.createDirectories(dir);
        Path program = dir.resolve(StonithAdmin.PROGRAM);
        Files.writeString(program, "#!/bin/sh\necho \"$@\" > '" + arguments() + "'\n" + script + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Answers with the captured XML {@code name}, exiting with {@code exitCode}. */
    static StandInStonithAdmin answering(Path dir, String name, int exitCode) throws IOException {
        Path xml = Files.write(dir.resolve(name), FenceHistoryXmlTest.captured(name));
        return new StandInStonithAdmin(dir.resolve("bin"), "/bin/cat '" + xml + "'\nexit " + exitCode);
    }

    /** Where its arguments are noted, a line a call. */
    Path arguments() {
        return dir.resolve("arguments");
    }

    String searchPath() {
        return dir.toString();
    }
}
