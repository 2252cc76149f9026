package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers of the built distribution as processes: how they find the JVM, that stdin,
 * environment and exit code pass through, and when they use a class-data archive.
 */
class LauncherIT {
    /** The simulated BMC that the fencing calls below reset. */
    private static final int BMC_PORT = 10160;

    @TempDir
    Path dir;

    @BeforeEach
    void built() {
        Dist.assumeBuilt();
    }

    @Test
    void everyPluginAndAgentIsARegularExecutableNotWritableByOthers() throws IOException {
        for (String type : Dist.TYPES) {
            for (Path launcher : List.of(Dist.plugin(type), Dist.agent(type))) {
                assertThat(Files.isRegularFile(launcher, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as(launcher.toString()).isTrue();
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(launcher);
                assertThat(modes).as(launcher.toString()).contains(PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE).doesNotContain(PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE);
            }
        }
    }

    @Test
    void stdinAndExitCodePassThrough() {
        ChildProcess.Result ok = Dist.run(Dist.agent("meatware"), Map.of(), "action=list\nhostlist=pm01 pm02\n");
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout().lines()).containsExactly("pm01,pm01", "pm02,pm02");

        ChildProcess.Result bad = Dist.run(Dist.agent("meatware"), Map.of(), "action=validate-all\n");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("hostlist");
    }

    @Test
    void theEnvironmentReachesTheExternalPlugin() {
        ChildProcess.Result hosts = Dist.run(Dist.plugin("meatware"), Map.of("hostlist", "pm01 pm02"), "", "gethosts");
        assertThat(hosts.exitCode()).as(hosts.stderr()).isZero();
        assertThat(hosts.stdout().lines()).containsExactly("pm01", "pm02");

        assertThat(Dist.run(Dist.plugin("meatware"), Map.of(), "", "gethosts").exitCode()).isEqualTo(1);
    }

    @Test
    void aSecretOnTheCommandLineIsRefused() {
        ChildProcess.Result refused = Dist.run(Dist.agent("ipmi"), Map.of(), "", "--action=status", "--plug=pm02",
                "--ip=127.0.0.1", "--username=admin", "--password=letmein");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("never taken from the command line").doesNotContain("letmein");
    }

    @Test
    void withoutJavaHomeTheJvmOnThePathIsUsed() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(Dist.JAVA_HOME, "bin", "java"));
        ChildProcess.Result id = ChildProcess.run(List.of(Dist.plugin("helper").toString(), "getinfo-devid"),
                Map.of("PATH", bin + ":/usr/bin:/bin", "JAVA_HOME", dir.resolve("no-such-jdk").toString()), "",
                java.time.Duration.ofSeconds(60));
        assertThat(id.exitCode()).as(id.stderr()).isZero();
        assertThat(id.stdout()).isNotBlank();
    }

    @Test
    void withoutAnyJvmTheLauncherSaysSoAndFails() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("readlink")) {   // the one program the launchers start but java
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        ChildProcess.Result none = ChildProcess.run(List.of(Dist.plugin("helper").toString(), "status"),
                Map.of("PATH", bin.toString(), "JAVA_HOME", dir.resolve("no-such-jdk").toString()), "",
                java.time.Duration.ofSeconds(60));
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("no Java runtime found");
    }

    @Test
    void theBuildsAppCdsArchiveIsUsedByTheJvmItWasMadeFor() throws IOException {
        assumeTrue(hasArchive(Dist.HOME, "-agent-helper.jsa"), "the build made no class-data archive (-Dfence4j.train.skip?)");
        assertLoadsFromArchive(Dist.HOME, Dist.JAVA_HOME);
    }

    @Test
    void theBuildsAotCacheIsUsedByJdk25() throws IOException {
        assumeTrue(hasArchive(Dist.HOME, "-agent-helper.aot"), "the build made no AOT cache (no JDK 25 at build time)");
        assertLoadsFromArchive(Dist.HOME, Dist.JDK_25.toString());
    }

    /** fence4j's classes come from the archive: what -Xlog:class+load says (JDK_JAVA_OPTIONS adds it). */
    private void assertLoadsFromArchive(Path home, String javaHome) throws IOException {
        Path log = dir.resolve("classes.log");
        ChildProcess.Result id = ChildProcess.run(List.of(home.resolve("stonith/fence4j-helper").toString(),
                "getinfo-devid"), Map.of("JAVA_HOME", javaHome, "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log),
                "", java.time.Duration.ofSeconds(60));
        assertThat(id.exitCode()).as(id.stderr()).isZero();
        assertThat(Files.readAllLines(log)).anyMatch(l -> l.contains("org.fence4j.agents.protocol.external.ExternalPlugin ")
                && l.contains(Dist.FROM_ARCHIVE));
    }

    /**
     * A class missing from the archive makes the JVM open every jar of lib/ to look for it (about
     * 40 ms): fence-cli reading a configuration in every YAML form an operator may write (flow and
     * indentless lists, anchors, quotes, block scalars), then parsing its own command line, loads
     * none from a jar.
     */
    @Test
    void fenceCliReadingAnyYamlFormLoadsNoClassFromAJar() throws IOException {
        assumeTrue(hasArchive(Dist.HOME, "-cli.jsa"), "the build made no class-data archive (-Dfence4j.train.skip?)");
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                --- # a document start, and comments
                devices:
                  meatware-pm01: &manual
                    agent: "meatware"
                    params: { hostlist: 'pm01' }
                  meatware-pm02:
                    agent: meatware
                    params:
                      hostlist: >-
                        pm02
                targets:
                  pm01: { levels: [ { device: meatware-pm01, timeout: 30s } ] }
                  pm02:
                    levels:
                    - device: meatware-pm02
                      timeout: |-
                        30s
                """);
        Path log = dir.resolve("classes.log");
        ChildProcess.Result list = Dist.run(Dist.HOME.resolve("bin/fence-cli"),
                Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log), "", "--config", config.toString(), "list");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).contains("pm01: meatware-pm01 (meatware)", "pm02: meatware-pm02 (meatware)");
        assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains("source: file:") || l.contains("source: jar:"));
    }

    /**
     * The training resets its own simulated BMC through every fencing path, so that a fencing call
     * reads none of fence4j's classes from a jar (each would be read and verified there: about 30 ms
     * of a reboot): the fence-agents agent's reboot as pacemaker-fenced calls it, and fence-cli's reset.
     */
    @Test
    void fencingCallsLoadFence4jsClassesFromTheArchive() throws IOException {
        assumeTrue(hasArchive(Dist.HOME, "-agent-ipmi.jsa") && hasArchive(Dist.HOME, "-cli.jsa"),
                "the build made no class-data archive (-Dfence4j.train.skip?)");
        try (SimulatedBmcFixture bmc = new SimulatedBmcFixture(BMC_PORT)) {
            Path log = dir.resolve("classes.log");
            Map<String, String> env = Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log,
                    "FENCE4J_BMC_PASSWORD", bmc.password);
            ChildProcess.Result reboot = Dist.run(Dist.agent("ipmi"), env, "action=reboot\nplug=pm02\nip=127.0.0.1"
                    + "\nipport=" + BMC_PORT + "\nusername=admin\npassword_env=FENCE4J_BMC_PASSWORD\ntimeout=20\n");
            assertThat(reboot.exitCode()).as(reboot.all()).isZero();
            assertFence4jClassesFromArchive(log);
            Path config = bmc.config(dir, "", "20s");
            ChildProcess.Result reset = Dist.run(Dist.HOME.resolve("bin/fence-cli"), env, "", "--config",
                    config.toString(), "reset", "pm02");
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            assertFence4jClassesFromArchive(log);
            assertThat(bmc.bmc.chassisLog()).containsExactly("power down", "power up", "power down", "power up");
        }
    }

    private static void assertFence4jClassesFromArchive(Path log) throws IOException {
        List<String> fence4j = Files.readAllLines(log).stream().filter(l -> l.contains(" org.fence4j.")).toList();
        assertThat(fence4j).isNotEmpty().allMatch(l -> l.contains(Dist.FROM_ARCHIVE));
    }

    /**
     * Each launcher names the provider classes (an agent's own type first): the call makes them
     * directly and reads no jar's service entries through ServiceLoader (whose first look cost
     * 10-15 ms of a call), fence-cli reading a configuration of two agent types included.
     */
    @Test
    void everyLauncherMakesItsProvidersWithoutReadingServiceEntries() throws IOException {
        Path config = dir.resolve("two-types.yaml");
        Files.writeString(config, """
                devices:
                  ipmi-pm02:
                    agent: ipmi
                    params: { hostname: pm02, ipaddr: 127.0.0.1, userid: admin, passwd_env: UNREAD }
                  meatware-pm02: { agent: meatware, params: { hostlist: pm02 } }
                targets:
                  pm02: { levels: [ { device: ipmi-pm02, timeout: 30s }, { device: meatware-pm02, timeout: 30s } ] }
                """);
        assertMadeWithoutServiceEntries(Dist.agent("ipmi"), "action=metadata\n", List.of(), "IpmiDriverProvider");
        assertMadeWithoutServiceEntries(Dist.plugin("ipmi"), "", List.of("getinfo-devid"), "IpmiDriverProvider");
        assertMadeWithoutServiceEntries(Dist.HOME.resolve("bin/fence-cli"), "", List.of("--config", config.toString(),
                "list"), "IpmiDriverProvider", "MeatwareProvider");
    }

    private void assertMadeWithoutServiceEntries(Path launcher, String stdin, List<String> args, String... providers)
            throws IOException {
        Path log = dir.resolve("classes.log");
        ChildProcess.Result call = Dist.run(launcher, Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log),
                stdin, args.toArray(String[]::new));
        assertThat(call.exitCode()).as(call.all()).isZero();
        List<String> loaded = Files.readAllLines(log);
        for (String provider : providers) {
            assertThat(loaded).anyMatch(l -> l.contains("." + provider + " "));
        }
        assertThat(loaded).noneMatch(l -> l.contains("java.net.JarURLConnection ")
                || l.contains("java.util.ServiceLoader$ProviderImpl "));
    }

    @Test
    void anArchiveThatDoesNotMatchIsSkippedSilently() throws IOException {
        assumeTrue(hasArchive(Dist.HOME, "-agent-helper.jsa"), "the build made no class-data archive (-Dfence4j.train.skip?)");
        Path moved = copyOfDist();  // the archive names the class path of the original directory
        Path log = dir.resolve("classes.log");
        ChildProcess.Result id = ChildProcess.run(List.of(moved.resolve("stonith/fence4j-helper").toString(),
                "getinfo-devid"), Dist.withJava(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log)), "",
                java.time.Duration.ofSeconds(60));
        assertThat(id.exitCode()).isZero();
        assertThat(id.stderr().lines().filter(l -> !l.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))).isEmpty();
        assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains("org.fence4j") && l.contains(Dist.FROM_ARCHIVE));
    }

    @Test
    void onJdk25TrainingMakesAnAotCacheThatTheLauncherUses() throws IOException {
        assumeTrue(Files.isExecutable(Dist.JDK_25.resolve("bin/java")), "no JDK 25 at " + Dist.JDK_25);
        Path copy = copyOfDist();
        try (Stream<Path> archives = Files.list(copy.resolve("cds"))) {   // the build's, made for another directory
            for (Path archive : archives.toList()) {
                Files.delete(archive);
            }
        }
        Map<String, String> jdk25 = Map.of("JAVA_HOME", Dist.JDK_25.toString(), "FENCE4J_TRAIN_PORT", "9841");
        ChildProcess.Result train = ChildProcess.run(List.of(copy.resolve("libexec/fence4j-train").toString()), jdk25,
                "", java.time.Duration.ofSeconds(180));
        assertThat(train.exitCode()).as(train.all()).isZero();
        assertThat(hasArchive(copy, "-agent-helper.aot")).isTrue();

        assertLoadsFromArchive(copy, Dist.JDK_25.toString());
    }

    private static boolean hasArchive(Path home, String suffix) throws IOException {
        Path cds = home.resolve("cds");
        if (!Files.isDirectory(cds)) {
            return false;
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
        }
    }

    /** The distribution copied elsewhere, modes kept (archives included, but made for the original). */
    private Path copyOfDist() throws IOException {
        Path copy = dir.resolve("fence4j");
        try (Stream<Path> files = Files.walk(Dist.HOME)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(Dist.HOME.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }
}
