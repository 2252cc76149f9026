package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/** The README's demo, as an operator runs it: bin/fence-demo (a simulated BMC on loopback, here on port 9803). */
class FenceDemoIT {

    @Test
    void theDemoFencesPm02ByLevel2() {
        Dist.assumeBuilt();
        ChildProcess.Result demo = ChildProcess.run(List.of(Dist.HOME.resolve("bin/fence-demo").toString()),
                Dist.withJava(Map.of("FENCE4J_DEMO_PORT", "9803")), "", Duration.ofSeconds(120));

        assertThat(demo.exitCode()).as(demo.all()).isZero();
        assertThat(demo.stdout()).contains("Fencing pm02 (reset) started.", "succeeded by level 2 (ipmi)",
                "127.0.0.1:9803");
    }
}
