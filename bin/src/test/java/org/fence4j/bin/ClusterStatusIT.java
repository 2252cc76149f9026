package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.sim.Faults;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fence-cli status} without a target against eight simulated BMCs on loopback, in one
 * process: a line per target, and every session the BMCs opened is closed again.
 */
class ClusterStatusIT {
    static final int FIRST_PORT = 10740;
    static final int NODES = 8;
    static final String PASSWORD = "cluster-bmc-pw";

    @TempDir
    Path dir;
    final List<SimulatedBmc> bmcs = new ArrayList<>();

    @BeforeEach
    void startBmcs() {
        for (int i = 0; i < NODES; i++) {
            bmcs.add(SimulatedBmc.builder().port(FIRST_PORT + i).cipherSuites(Set.of(3, 17))
                    .user("admin", Secret.of(PASSWORD), Privilege.ADMINISTRATOR).powerOn(i != 2).start());
        }
    }

    @AfterEach
    void stopBmcs() {
        bmcs.forEach(SimulatedBmc::close);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run status(String... options) throws Exception {
        StringBuilder yaml = new StringBuilder("state_dir: " + dir.resolve("state") + "\ndevices:\n");
        for (int i = 0; i < NODES; i++) {
            yaml.append("  ipmi-n").append(i).append(": { agent: ipmi, params: { hostname: n").append(i)
                    .append(", ipaddr: 127.0.0.1, ipport: ").append(FIRST_PORT + i)
                    .append(", userid: admin, passwd_env: BMC_PW, login_timeout: 2 } }\n");
        }
        yaml.append("targets:\n");
        for (int i = 0; i < NODES; i++) {
            yaml.append("  n").append(i).append(": { levels: [ { device: ipmi-n").append(i).append(", timeout: 3s } ] }\n");
        }
        Path config = Files.writeString(dir.resolve("fence4j.yaml"), yaml);
        List<String> args = new ArrayList<>(List.of("--config", config.toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = FenceCli.run(args.toArray(String[]::new), new Terminal(new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of("BMC_PW", PASSWORD)::get, false));
        return new Run(rc, out.toString(), err.toString());
    }

    @Test
    void everyTargetsPowerIsReadAndEverySessionClosed() throws Exception {
        Run r = status("status", "--parallel", "4");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out().lines()).hasSize(NODES).contains("n2 is powered off (read by level 1, ipmi).")
                .filteredOn(l -> !l.startsWith("n2 ")).allMatch(l -> l.matches("n\\d is powered on \\(read by level 1, ipmi\\)\\."));
        for (SimulatedBmc bmc : bmcs) {
            assertThat(bmc.sessionsActivated()).isEqualTo(1);
            assertThat(bmc.sessionsClosed()).isEqualTo(1);
            assertThat(bmc.activeSessions()).isZero();
        }
    }

    @Test
    void aStuckBmcFailsTheWholeWithItsOwnLineSayingWhy() throws Exception {
        bmcs.get(5).faults().toBmc(new Faults.Direction(1.0, 0, 0, false));   // every request lost
        Run r = status("status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(NODES);
        assertThat(r.out().lines().filter(l -> l.contains("n5"))).singleElement().asString()
                .startsWith("The power state of n5 is unknown: no level could read it. Level 1 ipmi-n5 (ipmi): ")
                .contains("no answer");
        assertThat(r.out().lines().filter(l -> !l.contains("n5"))).allMatch(l -> l.contains("is powered"));
        for (int i = 0; i < NODES; i++) {
            assertThat(bmcs.get(i).activeSessions()).as("BMC n" + i).isZero();
        }
    }

    @Test
    void jsonHasADocumentPerTarget() throws Exception {
        Run r = status("--json", "status");
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc).hasSize(NODES);
        assertThat(doc.get(2).get("target").asText()).isEqualTo("n2");
        assertThat(doc.get(2).get("power").asText()).isEqualTo("OFF");
        assertThat(doc.get(2).get("outcome").asText()).isEqualTo("SUCCESS");
    }
}
