package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The .deb that {@code mvn package} built, read back with dpkg-deb. */
class DebianPackageIT {
    private static final Path DEB = Path.of(System.getProperty("fence4j.deb", "target/fence4j.deb"));

    @BeforeEach
    void built() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed");
        assertThat(DEB).as("the .deb of mvn package").exists();
    }

    @Test
    void controlDependsOnlyOnAJava17Runtime() {
        String info = dpkgDeb("--info");
        assertThat(info).contains("Package: fence4j", "Architecture: all",
                "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless", "postinst", "postrm");
        assertThat(dpkgDeb("--field", "Depends").strip())
                .isEqualTo("default-jre-headless (>= 2:1.17) | java17-runtime-headless");
    }

    @Test
    void installsLaunchersPluginsAgentsConfigurationCompletionAndManPage() {
        List<String> lines = dpkgDeb("--contents").lines().toList();
        assertThat(entry(lines, "./usr/lib/stonith/plugins/external/fence4j-ipmi")).startsWith("-rwxr-xr-x root/root");
        for (String plugin : List.of("fence4j", "fence4j-ipmi", "fence4j-helper", "fence4j-meatware")) {
            assertThat(entry(lines, "./usr/lib/stonith/plugins/external/" + plugin))
                    .as("a regular file, as cluster-glue demands").startsWith("-rwxr-xr-x root/root");
        }
        for (String agent : List.of("fence_fence4j", "fence_fence4j_ipmi", "fence_fence4j_helper",
                "fence_fence4j_meatware")) {
            assertThat(entry(lines, "./usr/sbin/" + agent)).startsWith("-rwxr-xr-x root/root");
            assertThat(entry(lines, "./usr/share/fence4j/sbin/" + agent)).startsWith("-rwxr-xr-x root/root");
            assertThat(entry(lines, "./usr/share/man/man8/" + agent + ".8.gz")).startsWith("-rw-r--r-- root/root");
        }
        assertThat(entry(lines, "./usr/bin/fence-cli")).endsWith("-> /usr/share/fence4j/bin/fence-cli");
        assertThat(entry(lines, "./usr/share/fence4j/libexec/fence4j-launch")).startsWith("-rwxr-xr-x");
        for (String jar : List.of("spi", "core", "protocols", "cli")) {
            assertThat(entry(lines, "./usr/share/fence4j/lib/fence4j-" + jar + "-")).startsWith("-rw-r--r--");
        }
        assertThat(entry(lines, "./usr/share/fence4j/lib/fence4j-ipmi-")).startsWith("-rw-r--r--");
        assertThat(entry(lines, "./etc/fence4j/fence4j.yaml")).startsWith("-rw-r----- root/root");
        assertThat(entry(lines, "./usr/share/bash-completion/completions/fence-cli")).startsWith("-rw-r--r--");
        assertThat(entry(lines, "./usr/share/man/man1/fence-cli.1.gz")).startsWith("-rw-r--r--");
        assertThat(entry(lines, "./usr/share/fence4j/cds")).endsWith("-> /var/cache/fence4j");
        assertThat(lines).noneMatch(l -> l.contains(".jsa") || l.contains(".aot"));
    }

    @Test
    void theExampleConfigurationIsAConffile() throws Exception {
        Path control = Files.createTempDirectory("fence4j-deb-control");
        try {
            ChildProcess.Result extract = ChildProcess.run(List.of("dpkg-deb", "--control", DEB.toString(),
                    control.toString()), Map.of(), "", Duration.ofSeconds(60));
            assertThat(extract.exitCode()).as(extract.stderr()).isZero();
            assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactly("/etc/fence4j/fence4j.yaml");
        } finally {
            try (var files = Files.walk(control)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String entry(List<String> lines, String path) {
        return lines.stream().filter(l -> l.contains(" " + path)).findFirst()
                .orElseThrow(() -> new AssertionError("the .deb has no " + path));
    }

    /** {@code dpkg-deb OPTION DEB [ARGUMENT ...]}. */
    private static String dpkgDeb(String option, String... arguments) {
        List<String> command = new ArrayList<>(List.of("dpkg-deb", option, DEB.toString()));
        command.addAll(List.of(arguments));
        ChildProcess.Result result = ChildProcess.run(command, Map.of(), "", Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }
}
