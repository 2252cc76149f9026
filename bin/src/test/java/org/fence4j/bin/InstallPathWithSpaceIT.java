package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable directory installed under a path with a space, trained there, and used by another
 * user: what an operator who is not root gets from {@code fence-cli confirm}.
 */
class InstallPathWithSpaceIT {
    /** Of this project's port range for fixed-port tests (10300-10399). */
    private static final String TRAIN_PORT = "10310";
    private static final String JDK_25_TRAIN_PORT = "10311";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final List<String> AS_NOBODY = List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup",
            "--clear-groups");

    private static Path base;
    private static Path home;

    /** A copy readable by every user (nobody runs it below), its archives removed: they name the original path. */
    @BeforeAll
    static void installWithASpace() throws IOException {
        Dist.assumeBuilt();
        base = Files.createTempDirectory("fence4j-space-it.");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = base.resolve("opt with space/fence4j");
        try (Stream<Path> files = Files.walk(Dist.HOME)) {
            for (Path from : files.toList()) {
                Path to = home.resolve(Dist.HOME.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getParent().getFileName().toString().equals("cds")) {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.setPosixFilePermissions(home.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void remove() throws IOException {
        if (base != null) {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void trainsAndStartsWithTheArchiveUnderAPathWithASpace() throws IOException {
        // with an archive in cds/, the unquoted archive path made "Could not find or load main class"
        train(Dist.JAVA_HOME, TRAIN_PORT);

        ChildProcess.Result version = ChildProcess.run(List.of(home.resolve("bin/fence-cli").toString(), "--version"),
                Dist.withJava(Map.of()), "", LIMIT);
        assertThat(version.exitCode()).as(version.all()).isZero();
        assertThat(version.stdout()).startsWith("fence-cli (fence4j) ");
        assertThat(version.stderr()).isEmpty();

        ChildProcess.Result status = ChildProcess.run(List.of(home.resolve("stonith/fence4j-meatware").toString(),
                "status"), Dist.withJava(Map.of("hostlist", "pm02")), "", LIMIT);
        assertThat(status.exitCode()).as(status.all()).isZero();
        ChildProcess.Result list = ChildProcess.run(List.of(home.resolve("sbin/fence_fence4j_meatware").toString()),
                Dist.withJava(Map.of()), "action=list\nhostlist=pm02\n", LIMIT);
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).isEqualTo("pm02,pm02\n");
    }

    /**
     * JDK 25's AOT cache holds fence4j's classes also under a path with a space. (JDK 17's dynamic
     * CDS archive does not: it shares no class of a class path entry with a space, a JDK limit.)
     */
    @Test
    void onJdk25FenceCliStartsFromTheAotCacheUnderAPathWithASpace() throws IOException {
        assumeTrue(Files.isExecutable(Dist.JDK_25.resolve("bin/java")), "no JDK 25 at " + Dist.JDK_25);
        train(Dist.JDK_25.toString(), JDK_25_TRAIN_PORT);

        Path log = base.resolve("classes.log");
        ChildProcess.Result version = ChildProcess.run(List.of(home.resolve("bin/fence-cli").toString(), "--version"),
                Map.of("JAVA_HOME", Dist.JDK_25.toString(), "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log), "",
                LIMIT);
        assertThat(version.exitCode()).as(version.all()).isZero();
        assertThat(Files.readAllLines(log)).anyMatch(l -> l.contains("org.fence4j.agents.cli.FenceCli ")
                && l.contains(Dist.FROM_ARCHIVE));
    }

    private static void train(String javaHome, String port) throws IOException {
        ChildProcess.Result train = ChildProcess.run(List.of(home.resolve("libexec/fence4j-train").toString()),
                Map.of("JAVA_HOME", javaHome, "FENCE4J_TRAIN_PORT", port), "", Duration.ofSeconds(180));
        assertThat(train.exitCode()).as(train.all()).isZero();
        try (Stream<Path> archives = Files.list(home.resolve("cds"))) {
            assertThat(archives.toList()).as("the archive made under " + home).isNotEmpty();
        }
    }

    @Test
    void confirmByAUserWhoMayNotWriteTheFifoSaysToRunItAsRoot() throws Exception {
        assumeTrue(Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0), "needs root to wait as root");
        assumeTrue(Files.isExecutable(Path.of(AS_NOBODY.get(0))), "needs setpriv (util-linux)");
        Path rendezvous = TrustedTempDir.create();
        try {
            Files.setPosixFilePermissions(rendezvous, PosixFilePermissions.fromString("rwx--x--x")); // nobody may look
            Path config = rendezvous.resolve("fence4j.yaml");
            Files.writeString(config, """
                    state_dir: %1$s/state
                    devices:
                      meatware-pm02: { agent: meatware, params: { hostlist: pm02, rendezvous_dir: %1$s } }
                    targets:
                      pm02: { levels: [ { device: meatware-pm02, timeout: 60s } ] }
                    """.formatted(rendezvous));
            ChildProcess.Running reset = ChildProcess.start(List.of(home.resolve("bin/fence-cli").toString(),
                    "--config", config.toString(), "reset", "pm02"), Dist.withJava(Map.of()), "");
            try {
                Path fifo = rendezvous.resolve("meatware.pm02");
                awaitFifo(fifo);
                List<String> confirm = List.of(home.resolve("bin/fence-cli").toString(), "confirm", "pm02", "--yes",
                        "--rendezvous-dir", rendezvous.toString());

                List<String> asNobody = new ArrayList<>(AS_NOBODY);
                asNobody.addAll(confirm);
                ChildProcess.Result refused = ChildProcess.run(asNobody, Dist.withJava(Map.of()), "", LIMIT);
                assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
                assertThat(refused.stderr()).isEqualTo("fence-cli confirm: permission denied: " + fifo + " belongs to root"
                        + " (rw-------), and only root may write to it to confirm pm02; run it as root, e.g. sudo"
                        + " fence-cli confirm pm02.\n");

                ChildProcess.Result confirmed = ChildProcess.run(confirm, Dist.withJava(Map.of()), "", LIMIT);
                assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
                ChildProcess.Result fenced = reset.await(LIMIT);
                assertThat(fenced.exitCode()).as(fenced.all()).isZero();
                assertThat(fenced.stdout()).contains("Fencing pm02 succeeded by level 1 (meatware)");
            } finally {
                reset.kill();
            }
        } finally {
            try (Stream<Path> files = Files.walk(rendezvous)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void awaitFifo(Path fifo) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)) {
            assertThat(System.nanoTime() - end).as("no FIFO at " + fifo).isNegative();
            Thread.sleep(20);
        }
    }
}
