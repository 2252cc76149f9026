package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, as an operator runs it: bin/fence-demo (simulated BMCs on loopback, here on
 * port 9803), and with --redfish.
 */
class FenceDemoIT {

    private static ChildProcess.Result demo(String... args) {
        Dist.assumeBuilt();
        return Dist.run(Dist.HOME.resolve("bin/fence-demo"), Map.of("FENCE4J_DEMO_PORT", "9803"), "", args);
    }

    @Test
    void theDemoFencesPm02ByLevel2() {
        ChildProcess.Result demo = demo();

        assertThat(demo.exitCode()).as(demo.all()).isZero();
        assertThat(demo.stdout()).contains("Fencing pm02 (reset) started.", "succeeded by level 2 (ipmi)",
                "127.0.0.1:9803");
    }

    @Test
    void withRedfishTheDemoFencesPm02ThroughTheRedfishLevelAndPassesTheRestOnToFenceCli() {
        ChildProcess.Result demo = demo("--redfish", "--json");

        assertThat(demo.exitCode()).as(demo.all()).isZero();
        assertThat(demo.stdout()).contains("https://127.0.0.1:9803", "examples/demo-redfish.yaml")
                .contains("\"outcome\":\"SUCCESS\"", "\"device\":\"redfish-pm02\"", "\"proof\":\"POWER_READ_OFF\"");
    }
}
