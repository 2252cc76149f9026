package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * The helper agent's standby wait is said on the agent's stderr at the default verbosity:
 * pacemaker-fenced logs an agent's stderr lines, and the wait is most of the level's time.
 */
class HelperStandbyWaitIT {

    @Test
    void theStandbyWaitIsSaidOnStderr() {
        Dist.assumeBuilt();
        // 127.0.0.1 answers the dead check, so the target is alive; "false": this node is standby
        ChildProcess.Result r = Dist.run(Dist.agent("helper"), Map.of(), """
                action=reboot
                plug=pm02
                hostlist=pm02
                dead_check_target=127.0.0.1
                standby_check_command=false
                standby_wait_time=1
                run_online_check=no
                """);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.stderr()).contains("Helper pm02: this node is standby (standby_check_command rc=1); waiting 1 s"
                + " so that the active node fences first.");
    }
}
