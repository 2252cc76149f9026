package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball of mvn package: relocatable, launchers executable, no archive bound to the build's directory. */
class DistTarballIT {
    private static final Path TARBALL = Path.of(System.getProperty("fence4j.tarball", "target/fence4j-dist.tar.gz"));

    @TempDir
    Path dir;

    @Test
    void unpackedAnywhereItRuns() throws IOException {
        assertThat(TARBALL).exists();
        ChildProcess.Result list = ChildProcess.run(List.of("tar", "-tvzf", TARBALL.toString()), Map.of(), "",
                Duration.ofSeconds(60));
        assertThat(list.exitCode()).isZero();
        List<String> lines = list.stdout().lines().toList();
        for (String launcher : List.of("/bin/fence-cli", "/libexec/fence4j-launch", "/stonith/fence4j-ipmi",
                "/stonith/fence4j", "/sbin/fence_fence4j_ipmi", "/sbin/fence_fence4j")) {
            assertThat(lines).as(launcher).anyMatch(l -> l.endsWith(launcher) && l.startsWith("-rwxr-xr-x"));
        }
        assertThat(lines).anyMatch(l -> l.contains("/lib/fence4j-ipmi-") && l.startsWith("-rw-r--r--"));
        assertThat(lines).noneMatch(l -> l.contains("/cds/"));

        ChildProcess.Result unpack = ChildProcess.run(List.of("tar", "-xzf", TARBALL.toString(), "-C", dir.toString()),
                Map.of(), "", Duration.ofSeconds(60));
        assertThat(unpack.exitCode()).isZero();
        Path home;
        try (var entries = Files.list(dir)) {
            home = entries.findFirst().orElseThrow();
        }
        ChildProcess.Result hosts = ChildProcess.run(List.of(home.resolve("stonith/fence4j-meatware").toString(),
                "gethosts"), Dist.withJava(Map.of("hostlist", "pm01")), "", Duration.ofSeconds(60));
        assertThat(hosts.exitCode()).as(hosts.stderr()).isZero();
        assertThat(hosts.stdout().lines()).containsExactly("pm01");
        ChildProcess.Result version = ChildProcess.run(List.of(home.resolve("bin/fence-cli").toString(), "--version"),
                Dist.withJava(Map.of()), "", Duration.ofSeconds(60));
        assertThat(version.exitCode()).as(version.stderr()).isZero();
    }
}
