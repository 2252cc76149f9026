package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;

/**
 * A CIB in a file with the nodes pm01 and pm02, and the commands an operator pastes run against it:
 * {@code pcs} (as {@code pcs -f}, so that scripts written for a live cluster work unchanged),
 * {@code crm} and {@code cibadmin} (through CIB_file).
 */
final class CibFile {
    static final Path PCS = Path.of("/usr/sbin/pcs");
    static final Path CRM = Path.of("/usr/sbin/crm");
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(180);

    final Path file;
    /** pcs -f on the CIB file (named by path: a child's PATH does not decide what Java starts). */
    final Path pcs;
    private final Map<String, String> env;

    private CibFile(Path file, Path pcs, Map<String, String> env) {
        this.file = file;
        this.pcs = pcs;
        this.env = env;
    }

    static void assumePcs() {
        assumeTrue(Files.isExecutable(PCS), "pcs is not installed");
    }

    static void assumeCrm() {
        assumeTrue(Files.isExecutable(CRM), "crmsh is not installed");
    }

    /** An empty CIB with pm01 and pm02 in {@code dir} (pcs's wrapper in dir/bin). */
    static CibFile withTwoNodes(Path dir) throws IOException {
        Path cib = dir.resolve("cib.xml");
        ChildProcess.Result empty = ChildProcess.run(List.of("cibadmin", "--empty"), Map.of(), "", COMMAND_LIMIT);
        assertThat(empty.exitCode()).as(empty.all()).isZero();
        Files.writeString(cib, empty.stdout());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pcs = Files.writeString(bin.resolve("pcs"), "#!/bin/sh\nexec " + PCS + " -f \"$CIB_file\" \"$@\"\n");
        Files.setPosixFilePermissions(pcs, PosixFilePermissions.fromString("rwxr-xr-x"));
        // crmsh asks the cluster-glue plugins for their metadata: they find fence4j through FENCE4J_HOME
        CibFile file = new CibFile(cib, pcs, Dist.withJava(Map.of("CIB_file", cib.toString(), "FENCE4J_HOME",
                Dist.HOME.toString(), "PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin")));
        for (String node : List.of("1:pm01", "2:pm02")) {
            String[] idName = node.split(":");
            file.run("cibadmin", "-C", "-o", "nodes", "-X", "<node id=\"" + idName[0] + "\" uname=\"" + idName[1]
                    + "\"/>");
        }
        return file;
    }

    /** Runs a command on the CIB file; fails the test unless it exits 0. */
    ChildProcess.Result run(String... command) {
        ChildProcess.Result r = ChildProcess.run(List.of(command), env, "", COMMAND_LIMIT);
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.all()).isZero();
        return r;
    }

    /** Runs a command on the CIB file that must fail (exit other than 0), and returns what it said. */
    ChildProcess.Result runRefused(String... command) {
        ChildProcess.Result r = ChildProcess.run(List.of(command), env, "", COMMAND_LIMIT);
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.all()).isNotZero();
        return r;
    }

    /** A shell script with these lines, run as {@code sh} runs a pasted example. */
    ChildProcess.Result runScript(Path dir, String name, String script) throws IOException {
        return run("sh", Files.writeString(dir.resolve(name), script).toString());
    }

    /** {@code crm configure load update FILE}. */
    ChildProcess.Result crmLoadUpdate(Path file) {
        return run(CRM.toString(), "configure", "load", "update", file.toString());
    }

    /** pcs stonith level config, line by line. */
    List<String> levels() {
        return run(pcs.toString(), "stonith", "level", "config").stdout().lines().toList();
    }
}
