package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pcs and crm commands of the README and of examples/, run with the real pcs (and crmsh, when
 * installed) against a CIB file: pcs validates every option against the agents' metadata, so the
 * fence4j agents are linked into /usr/sbin (under unique names, see {@link SbinAgents}) for the test.
 * {@link PacemakerExamplesLiveIT} runs the same configurations through the real fencer.
 */
class PacemakerExamplesIT {
    private static final List<String> TOPOLOGY = List.of("Target: pm01", "  Level 1 - stonith1-1",
            "  Level 2 - stonith1-2", "  Level 3 - stonith1-3", "Target: pm02", "  Level 1 - stonith2-1",
            "  Level 2 - stonith2-2", "  Level 3 - stonith2-3");

    @TempDir
    Path dir;
    private CibFile cib;
    private SbinAgents agents;

    @BeforeEach
    void emptyCibWithTwoNodes() throws IOException {
        CibFile.assumePcs();
        cib = CibFile.withTwoNodes(dir);
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

        ChildProcess.Result r = cib.runScript(dir, "fencing-topology.pcs",
                agents.rename(Files.readString(Dist.HOME.resolve("examples/fencing-topology.pcs"))));

        assertThat(warnings(r)).as("no deprecation warning, no refused option").isEmpty();
        assertThat(cib.levels()).containsExactlyElementsOf(TOPOLOGY);
    }

    @Test
    void readmesPcsCommandsRunAsWritten() throws IOException {
        agents = SbinAgents.install();
        List<String> blocks = Readme.shellBlocksWith("pcs stonith");
        assertThat(blocks).as("the README's pcs examples").hasSize(2);

        ChildProcess.Result r = cib.runScript(dir, "readme.sh", "set -eu\n" + agents.rename(String.join("\n", blocks)));

        assertThat(warnings(r)).isEmpty();
        assertThat(cib.levels()).containsExactlyElementsOf(TOPOLOGY.subList(0, 4));
        assertThat(cib.run("cibadmin", "-Q", "--xpath", "//primitive[@id='fence4j']").stdout())
                .contains("type=\"" + agents.name("chain") + "\"");
    }

    @Test
    void aFenceIpmilanStyleDeviceGetsNoWarningAndClusterGlueNamesStillWork() throws IOException {
        agents = SbinAgents.install();
        ChildProcess.Result ipmilan = cib.run(cib.pcs.toString(), "stonith", "create", "bmc-pm01", agents.name("ipmi"),
                "ip=127.0.0.1", "ipport=623", "username=admin", "password_script=/usr/local/bin/bmc-password pm01",
                "lanplus=1", "cipher=3", "privlvl=operator", "method=onoff", "power_wait=2", "power_timeout=20",
                "login_timeout=5", "hexadecimal_kg_file=/etc/fence4j/pm01.kg", "retry_on=1", "delay=0",
                "pcmk_host_list=pm01");
        assertThat(ipmilan.stderr()).isEmpty();

        ChildProcess.Result glue = cib.run(cib.pcs.toString(), "stonith", "create", "glue-pm02", agents.name("ipmi"),
                "hostname=pm02", "ipaddr=127.0.0.2", "userid=admin", "passwd_file=/etc/fence4j/pm02.passwd",
                "priv=operator");
        assertThat(glue.stderr()).contains("'ipaddr' is deprecated and should not be used, use 'ip' instead",
                "'passwd_file' is deprecated and should not be used, use 'password_file' instead",
                "'priv' is deprecated and should not be used, use 'privlvl' instead").doesNotContain("Error");
    }

    @Test
    void pcsCreatesAFenceRedfishStyleDeviceAndOneSharedByPortAsIp() throws IOException {
        agents = SbinAgents.install();
        String pin = String.join(":", java.util.Collections.nCopies(32, "A8"));
        ChildProcess.Result one = cib.run(cib.pcs.toString(), "stonith", "create", "redfish-pm02", agents.name("redfish"),
                "ip=127.0.0.2", "ipport=443", "username=admin", "password_script=/usr/local/bin/bmc-password pm02",
                "ssl_fingerprint=" + pin, "systems_uri=System.Embedded.1", "redfish_uri=/redfish/v1", "method=onoff",
                "power_wait=2", "power_timeout=20", "login_timeout=5", "retry_on=1", "delay=5", "pcmk_host_list=pm02");
        assertThat(warnings(one)).isEmpty();
        assertThat(cib.run("cibadmin", "-Q", "--xpath", "//primitive[@id='redfish-pm02']").stdout()).contains(
                "class=\"stonith\"", "type=\"" + agents.name("redfish") + "\"", "value=\"" + pin + "\"",
                "name=\"systems_uri\" value=\"System.Embedded.1\"", "name=\"delay\" value=\"5\"");

        // one device for both nodes: no ip (the metadata says ip is not required, as fence_redfish's does)
        ChildProcess.Result shared = cib.run(cib.pcs.toString(), "stonith", "create", "redfish-all",
                agents.name("redfish"), "port_as_ip=1", "pcmk_host_map=pm01:127.0.0.1;pm02:127.0.0.2", "ipport=443",
                "username=admin", "password_file=/etc/fence4j/bmc.passwd", "ssl_fingerprint=" + pin);
        assertThat(warnings(shared)).isEmpty();
        assertThat(cib.run("cibadmin", "-Q", "--xpath", "//primitive[@id='redfish-all']").stdout())
                .contains("name=\"port_as_ip\" value=\"1\"").doesNotContain("name=\"ip\"");

        // what fence4j refuses, pcs refuses from the metadata already
        ChildProcess.Result refused = cib.runRefused(cib.pcs.toString(), "stonith", "create", "redfish-gnutls",
                agents.name("redfish"), "ip=127.0.0.3", "username=admin", "gnutlscli_path=/usr/bin/gnutls-cli");
        assertThat(refused.stderr()).contains("invalid stonith option 'gnutlscli_path'");
    }

    @Test
    void grpStonithCrmLoadsWithCrmsh() throws IOException {
        CibFile.assumeCrm();
        try (StonithPlugins plugins = StonithPlugins.install()) {
            String crm = Files.readString(Dist.HOME.resolve("examples/grpStonith.crm"));
            for (String type : List.of("ipmi", "helper", "meatware")) {
                crm = crm.replace("stonith:external/fence4j-" + type + " ", "stonith:" + plugins.type(type) + " ");
            }

            // crmsh checks every parameter against the plugins' metadata and refuses unknown ones
            ChildProcess.Result r = cib.crmLoadUpdate(Files.writeString(dir.resolve("grpStonith.crm"), crm));

            assertThat(r.all()).doesNotContain("ERROR", "not known");
            assertThat(cib.levels()).containsExactlyElementsOf(TOPOLOGY);
            assertThat(cib.run("cibadmin", "-Q", "--xpath", "//group[@id='grpStonith1']").stdout())
                    .contains("stonith1-1", "stonith1-2", "stonith1-3");
        }
    }

    /** What pcs said on stderr, but for what it always says when working on a file (pcs -f). */
    private static List<String> warnings(ChildProcess.Result r) {
        return r.stderr().lines().filter(l -> !l.equals("Warning: Validation for node existence in the cluster will be"
                + " skipped")).toList();
    }
}
