package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pcs and crm commands of the README and of examples/, run with the real pcs (and crmsh, when
 * installed) against a CIB file: pcs validates every option against the agents' metadata, so the
 * fence4j agents are linked into /usr/sbin (under unique names, see {@link SbinAgents}) for the test.
 */
class PacemakerExamplesIT {
    private static final Path PCS = Path.of("/usr/sbin/pcs");
    private static final Path CRM = Path.of("/usr/sbin/crm");
    private static final Path README = Path.of("../README.md");
    private static final List<String> TOPOLOGY = List.of("Target: pm01", "  Level 1 - stonith1-1", "  Level 2 - stonith1-2",
            "  Level 3 - stonith1-3", "Target: pm02", "  Level 1 - stonith2-1", "  Level 2 - stonith2-2",
            "  Level 3 - stonith2-3");

    @TempDir
    Path dir;
    private Path cib;
    /** pcs -f on the CIB file (named by path: a child's PATH does not decide what Java starts). */
    private Path pcs;
    private Map<String, String> env;
    private SbinAgents agents;

    @BeforeEach
    void emptyCibWithTwoNodes() throws IOException {
        assumeTrue(Files.isExecutable(PCS), "pcs is not installed");
        cib = dir.resolve("cib.xml");
        ChildProcess.Result empty = ChildProcess.run(List.of("cibadmin", "--empty"), Map.of(), "", Duration.ofSeconds(30));
        assertThat(empty.exitCode()).as(empty.all()).isZero();
        Files.writeString(cib, empty.stdout());
        // a pcs that works on the CIB file, for scripts written for a live cluster
        Path bin = Files.createDirectories(dir.resolve("bin"));
        pcs = Files.writeString(bin.resolve("pcs"), "#!/bin/sh\nexec " + PCS + " -f \"$CIB_file\" \"$@\"\n");
        Files.setPosixFilePermissions(pcs, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = Dist.withJava(Map.of("CIB_file", cib.toString(), "PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin"));
        for (String node : List.of("1:pm01", "2:pm02")) {
            String[] idName = node.split(":");
            run("cibadmin", "-C", "-o", "nodes", "-X", "<node id=\"" + idName[0] + "\" uname=\"" + idName[1] + "\"/>");
        }
    }

    @AfterEach
    void uninstall() throws IOException {
        if (agents != null) {
            agents.close();
        }
    }

    @Test
    void fencingTopologyExampleBuildsAllThreeLevelsOfBothNodes() throws IOException {
        agents = SbinAgents.install();
        Path script = Files.writeString(dir.resolve("fencing-topology.pcs"),
                agents.rename(Files.readString(Dist.HOME.resolve("examples/fencing-topology.pcs"))));

        ChildProcess.Result r = run("sh", script.toString());

        assertThat(warnings(r)).as("no deprecation warning, no refused option").isEmpty();
        assertThat(levels()).containsExactlyElementsOf(TOPOLOGY);
    }

    @Test
    void readmesPcsCommandsRunAsWritten() throws IOException {
        agents = SbinAgents.install();
        List<String> blocks = shellBlocks(Files.readString(README)).stream().filter(b -> b.contains("pcs stonith")).toList();
        assertThat(blocks).as("the README's pcs examples").hasSize(2);
        Path script = Files.writeString(dir.resolve("readme.sh"), "set -eu\n" + agents.rename(String.join("\n", blocks)));

        ChildProcess.Result r = run("sh", script.toString());

        assertThat(warnings(r)).isEmpty();
        assertThat(levels()).containsExactlyElementsOf(TOPOLOGY.subList(0, 4));
        assertThat(run("cibadmin", "-Q", "--xpath", "//primitive[@id='fence4j']").stdout())
                .contains("type=\"" + agents.name("chain") + "\"");
    }

    @Test
    void aFenceIpmilanStyleDeviceGetsNoWarningAndClusterGlueNamesStillWork() throws IOException {
        agents = SbinAgents.install();
        ChildProcess.Result ipmilan = run(pcs.toString(), "stonith", "create", "bmc-pm01", agents.name("ipmi"), "ip=127.0.0.1",
                "ipport=623", "username=admin", "password_script=/usr/local/bin/bmc-password pm01", "lanplus=1",
                "cipher=3", "privlvl=operator", "method=onoff", "power_wait=2", "power_timeout=20", "login_timeout=5",
                "hexadecimal_kg_file=/etc/fence4j/pm01.kg", "retry_on=1", "delay=0", "pcmk_host_list=pm01");
        assertThat(ipmilan.stderr()).isEmpty();

        ChildProcess.Result glue = run(pcs.toString(), "stonith", "create", "glue-pm02", agents.name("ipmi"), "hostname=pm02",
                "ipaddr=127.0.0.2", "userid=admin", "passwd_file=/etc/fence4j/pm02.passwd", "priv=operator");
        assertThat(glue.stderr()).contains("'ipaddr' is deprecated and should not be used, use 'ip' instead",
                "'passwd_file' is deprecated and should not be used, use 'password_file' instead",
                "'priv' is deprecated and should not be used, use 'privlvl' instead").doesNotContain("Error");
    }

    @Test
    void grpStonithCrmLoadsWithCrmsh() throws IOException {
        assumeTrue(Files.isExecutable(CRM), "crmsh is not installed");
        try (StonithPlugins plugins = StonithPlugins.install()) {
            String crm = Files.readString(Dist.HOME.resolve("examples/grpStonith.crm"));
            for (String type : List.of("ipmi", "helper", "meatware")) {
                crm = crm.replace("stonith:external/fence4j-" + type + " ", "stonith:" + plugins.type(type) + " ");
            }
            Path file = Files.writeString(dir.resolve("grpStonith.crm"), crm);
            Map<String, String> withHome = new java.util.HashMap<>(env);
            withHome.put("FENCE4J_HOME", Dist.HOME.toString());

            // crmsh checks every parameter against the plugins' metadata and refuses unknown ones
            ChildProcess.Result r = ChildProcess.run(List.of(CRM.toString(), "configure", "load", "update",
                    file.toString()), withHome, "", Duration.ofSeconds(180));

            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.all()).doesNotContain("ERROR", "not known");
            assertThat(levels()).containsExactlyElementsOf(TOPOLOGY);
            assertThat(run("cibadmin", "-Q", "--xpath", "//group[@id='grpStonith1']").stdout())
                    .contains("stonith1-1", "stonith1-2", "stonith1-3");
        }
    }

    /** What pcs said on stderr, but for what it always says when working on a file (pcs -f). */
    private static List<String> warnings(ChildProcess.Result r) {
        return r.stderr().lines().filter(l -> !l.equals("Warning: Validation for node existence in the cluster will be"
                + " skipped")).toList();
    }

    /** pcs stonith level config, line by line. */
    private List<String> levels() {
        return run(pcs.toString(), "stonith", "level", "config").stdout().lines().toList();
    }

    private ChildProcess.Result run(String... command) {
        ChildProcess.Result r = ChildProcess.run(List.of(command), env, "", Duration.ofSeconds(180));
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.all()).isZero();
        return r;
    }

    /** The ```sh blocks of a Markdown text. */
    private static List<String> shellBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
