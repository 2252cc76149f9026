package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.CapturedOutput;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.SecretFiles;
import org.fence4j.agents.testing.XmlDocuments;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The fence_* agents of the distribution, run as Pacemaker's fencer runs them. */
class FenceAgentsWrappersIT {
    private static final int PORT = 9802;
    private static final CapturedOutput CAPTURED = new CapturedOutput();
    private SimulatedBmcFixture bmc;

    @BeforeEach
    void built() {
        Dist.assumeBuilt();
    }

    @AfterEach
    void stop() {
        if (bmc != null) {
            CAPTURED.assertNeverShows(bmc.password);
            bmc.close();
        }
    }

    /** What pacemaker-fenced writes to the agent's stdin for an action on pm02. */
    private ChildProcess.Result fencer(String action, String password) {
        String stdin = String.join("\n", "action=" + action, "nodename=pm02", "port=pm02", "ip=127.0.0.1",
                "ipport=" + PORT, "username=admin", "password=" + password, "");
        return CAPTURED.keep(Dist.run(Dist.agent("ipmi"), Map.of("PCMK_service", "pacemaker-fenced"), stdin));
    }

    @Test
    void everyAgentsMetadataIsValidAgainstFenceAgentsSchemaAndHasAManPage(@TempDir Path dir) throws IOException {
        Path schema = Path.of("/usr/share/cluster/relaxng/metadata.rng");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(schema), "fence-agents' metadata.rng is not installed");
        for (String type : Dist.TYPES) {
            ChildProcess.Result metadata = Dist.run(Dist.agent(type), Map.of(), "", "-o", "metadata");
            assertThat(metadata.exitCode()).as(metadata.all()).isZero();
            Path xml = Files.writeString(dir.resolve(type + ".xml"), metadata.stdout());
            ChildProcess.Result lint = ChildProcess.run(List.of("xmllint", "--noout", "--relaxng", schema.toString(),
                    xml.toString()), Map.of(), "", java.time.Duration.ofSeconds(60));
            assertThat(lint.exitCode()).as(type + ": " + lint.all()).isZero();
            assertThat(lint.stderr()).contains(" validates");

            String name = Dist.agent(type).getFileName().toString();
            String page = Files.readString(Dist.HOME.resolve("share/" + name + ".8"));
            assertThat(page).startsWith(".TH " + name.toUpperCase(java.util.Locale.ROOT) + " 8 ")
                    .contains(".SH PARAMETERS", ".SH ACTIONS", "\\-o, \\-\\-action=[action]");
        }
    }

    @Test
    void statusOffRebootAsTheFencerSendsThemOnStdin() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);

        ChildProcess.Result on = fencer("status", bmc.password);
        assertThat(on.exitCode()).as(on.all()).isZero();
        assertThat(on.stdout()).contains("Status: ON");

        ChildProcess.Result off = fencer("off", bmc.password);
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(off.stdout()).contains("Success: Powered OFF");
        assertThat(bmc.powerByIpmitool()).isEqualTo("off");
        ChildProcess.Result isOff = fencer("status", bmc.password);
        assertThat(isOff.exitCode()).as("status of a node that is off").isEqualTo(2);
        assertThat(isOff.stdout()).contains("Status: OFF");

        ChildProcess.Result reboot = fencer("reboot", bmc.password);
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(reboot.stdout()).contains("Success: Rebooted");
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");
        assertThat(fencer("monitor", bmc.password).exitCode()).isZero();
    }

    @Test
    void aWrongPasswordFailsWithExitCode1AndTheNodeKeepsRunning() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);

        assertThat(fencer("status", "not-" + bmc.password).exitCode()).isEqualTo(1);
        ChildProcess.Result reboot = fencer("reboot", "not-" + bmc.password);
        assertThat(reboot.exitCode()).isEqualTo(1);
        assertThat(reboot.stderr()).startsWith("ERROR: Failed:");
        assertThat(bmc.bmc.chassisLog()).isEmpty();
        assertThat(bmc.powerByIpmitool()).isEqualTo("on");
    }

    @Test
    void theWholeChainAsOneAgentFencesThroughItsLevels(@TempDir(factory = TrustedTempDir.class) Path dir)
            throws IOException {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        Path secret = SecretFiles.write(dir.resolve("pm02.passwd"), bmc.password + "\n");
        Path config = Files.writeString(dir.resolve("fence4j.yaml"), """
                state_dir: %s
                devices:
                  meatware-pm02: { agent: meatware, params: { hostlist: pm02, rendezvous_dir: %s } }
                  ipmi-pm02:
                    agent: ipmi
                    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: %d, userid: admin, passwd_file: %s,
                              power_timeout: 3 }
                targets:
                  pm02:
                    levels:
                      - { device: ipmi-pm02, timeout: 30s }
                      - { device: meatware-pm02, timeout: 2s }
                """.formatted(dir.resolve("state"), dir, PORT, secret));
        String stdin = "action=reboot\nnodename=pm02\nport=pm02\nconfig=" + config + "\n";

        ChildProcess.Result reboot = CAPTURED.keep(Dist.run(Dist.agent("chain"), Map.of(), stdin));
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(bmc.bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(Files.readString(dir.resolve("state/history.jsonl"))).contains("pm02");

        bmc.bmc.faults().neverPowerOff(true);   // a BMC that acknowledges and stays on; nobody confirms meatware
        ChildProcess.Result lied = CAPTURED.keep(Dist.run(Dist.agent("chain"), Map.of(), stdin));
        assertThat(lied.exitCode()).as(lied.all()).isEqualTo(1);
    }

    @Test
    void optionsOnTheCommandLineWithThePasswordFromTheEnvironment() {
        SimulatedBmcFixture.assumeIpmitool();
        bmc = new SimulatedBmcFixture(PORT);
        Map<String, String> env = Map.of("BMC_PASSWORD", bmc.password);

        ChildProcess.Result status = CAPTURED.keep(Dist.run(Dist.agent("ipmi"), env, "", "-o", "status", "-n", "pm02",
                "--ip=127.0.0.1", "--ipport=" + PORT, "--username=admin", "--password-env=BMC_PASSWORD"));
        assertThat(status.exitCode()).as(status.all()).isZero();
        ChildProcess.Result off = CAPTURED.keep(Dist.run(Dist.agent("ipmi"), env, "", "--action=off", "--plug=pm02",
                "--ip=127.0.0.1", "--ipport=" + PORT, "--username=admin", "--password-env=BMC_PASSWORD"));
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(bmc.powerByIpmitool()).isEqualTo("off");
    }

    @Test
    void metadataIsWellFormedAndNamesTheInstalledAgent() {
        for (String type : Dist.TYPES) {
            String name = Dist.agent(type).getFileName().toString();
            // the fencer asks with action=metadata on stdin; pcs and fence-agents' tools with -o metadata
            for (ChildProcess.Result metadata : List.of(Dist.run(Dist.agent(type), Map.of(), "action=metadata\n"),
                    Dist.run(Dist.agent(type), Map.of(), "", "-o", "metadata"))) {
                assertThat(metadata.exitCode()).as(metadata.stderr()).isZero();
                Element root = XmlDocuments.parse(metadata.stdout()).getDocumentElement();
                assertThat(root.getTagName()).isEqualTo("resource-agent");
                assertThat(root.getAttribute("name")).isEqualTo(name);
                assertThat(root.getAttribute("shortdesc")).isNotBlank();
                List<Element> parameters = XmlDocuments.children(XmlDocuments.child(root, "parameters"), "parameter");
                assertThat(parameters.get(0).getAttribute("name")).isEqualTo("action");
                assertThat(parameters).extracting(p -> p.getAttribute("name")).contains("plug", "port", "nodename",
                        "delay", "timeout");
                for (Element p : parameters) {
                    assertThat(XmlDocuments.children(p, "getopt")).as(p.getAttribute("name")).hasSize(1);
                    assertThat(XmlDocuments.children(p, "content")).as(p.getAttribute("name")).hasSize(1);
                    assertThat(XmlDocuments.children(p, "shortdesc")).as(p.getAttribute("name")).hasSize(1);
                }
                List<String> actions = XmlDocuments.children(XmlDocuments.child(root, "actions"), "action").stream()
                        .map(a -> a.getAttribute("name")).toList();
                assertThat(actions).contains("metadata", "validate-all", "monitor");
            }
        }
    }

    @Test
    void ipmiMetadataKeepsFenceIpmilansParameterNames() {
        ChildProcess.Result metadata = Dist.run(Dist.agent("ipmi"), Map.of(), "action=metadata\n");
        Element root = XmlDocuments.parse(metadata.stdout()).getDocumentElement();
        List<String> names = XmlDocuments.children(XmlDocuments.child(root, "parameters"), "parameter").stream()
                .map(p -> p.getAttribute("name")).toList();
        assertThat(names).contains("ip", "ipport", "username", "password", "lanplus", "cipher");
        List<String> actions = XmlDocuments.children(XmlDocuments.child(root, "actions"), "action").stream()
                .map(a -> a.getAttribute("name")).toList();
        assertThat(actions).contains("on", "off", "reboot", "status", "monitor");
    }
}
