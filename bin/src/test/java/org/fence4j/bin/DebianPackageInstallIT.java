package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * The .deb installed for real with dpkg (root only), used as an operator and cluster-glue would,
 * then purged — also when an assertion fails — leaving nothing behind.
 */
class DebianPackageInstallIT {
    private static final Path DEB = Path.of(System.getProperty("fence4j.deb", "target/fence4j.deb"));
    private static final Duration LIMIT = Duration.ofSeconds(180);

    @Test
    void installedItRunsUnderStonithAndAsFenceCliAndPurgesCleanly() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "installing a package needs root");
        assumeTrue(run("dpkg-query", "-W", "fence4j").exitCode() != 0, "fence4j is installed already: left alone");
        for (String own : List.of("/etc/fence4j", "/var/lib/fence4j", "/var/cache/fence4j", "/usr/share/fence4j")) {
            assumeTrue(!Files.exists(Path.of(own)), own + " exists: not ours to purge");
        }
        assertThat(DEB).exists();

        try {
            ChildProcess.Result install = run("dpkg", "-i", DEB.toString());
            assertThat(install.exitCode()).as(install.all()).isZero();
            assertThat(install.all()).doesNotContain("no start-up archive made");

            assertThat(archives()).as("postinst trains for the installed JVM").isNotEmpty();
            ChildProcess.Result version = run("/usr/bin/fence-cli", "--version");
            assertThat(version.exitCode()).as(version.all()).isZero();
            if (Files.isExecutable(Path.of("/usr/sbin/stonith"))) {
                assertThat(run("/usr/sbin/stonith", "-L").stdout().lines()).contains("external/fence4j",
                        "external/fence4j-ipmi", "external/fence4j-helper", "external/fence4j-meatware");
                ChildProcess.Result names = run("/usr/sbin/stonith", "-t", "external/fence4j-ipmi", "-n");
                assertThat(names.exitCode()).as(names.all()).isZero();
                assertThat(names.stdout()).contains("ipaddr", "userid", "passwd");
            }
            ChildProcess.Result metadata = run("/usr/sbin/fence_fence4j_ipmi", "-o", "metadata");
            assertThat(metadata.exitCode()).as(metadata.all()).isZero();
            assertThat(metadata.stdout()).contains("<resource-agent name=\"fence_fence4j_ipmi\"");
            assertThat(Files.readString(Path.of("/etc/fence4j/fence4j.yaml"))).contains("targets:");
        } finally {
            ChildProcess.Result purge = run("dpkg", "--purge", "fence4j");
            assertThat(purge.exitCode()).as(purge.all()).isZero();
        }
        for (String gone : List.of("/usr/share/fence4j", "/usr/bin/fence-cli", "/usr/sbin/fence_fence4j_ipmi",
                "/usr/lib/stonith/plugins/external/fence4j-ipmi", "/etc/fence4j/fence4j.yaml", "/var/cache/fence4j")) {
            assertThat(Path.of(gone)).as(gone).doesNotExist();
        }
    }

    private static List<Path> archives() throws IOException {
        Path cache = Path.of("/var/cache/fence4j");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    private static ChildProcess.Result run(String... command) {
        return ChildProcess.run(List.of(command), Map.of(), "", LIMIT);
    }
}
