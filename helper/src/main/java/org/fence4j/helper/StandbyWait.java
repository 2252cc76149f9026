package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fencing-race delay: on the standby node, wait before the real fencing device runs, so that
 * in a split brain the active node's fencing wins and the two nodes do not shoot each other.
 */
final class StandbyWait {
    private static final Logger log = LoggerFactory.getLogger(StandbyWait.class);

    private final HelperSettings settings;
    private final CommandRunner runner;
    private final Membership membership;

    StandbyWait(HelperSettings settings, CommandRunner runner, Membership membership) {
        this.settings = settings;
        this.runner = runner;
        this.membership = membership;
    }

    /** Waits if this node is standby; false if the deadline cut the wait short. */
    boolean run(String target, Deadline deadline) throws InterruptedException {
        if (!settings.standbyWait()) {
            return true;
        }
        String command = settings.standbyCheckCommand().orElseThrow();
        int rc = standbyCheck(target, command, deadline);
        if (rc == 0) {
            log.info("Helper {}: this node is active (standby_check_command rc=0); no standby wait.", target);
            return true;
        }
        if (settings.onlineCheck() && membership.isOnline(target, settings.onlineCheckRetryMax(), deadline)) {
            log.info("Helper {}: {} is still an online member (crm_node -p); no standby wait.", target, target);
            return true;
        }
        Duration wait = settings.standbyWaitTime();
        Duration left = deadline.remaining();
        if (wait.compareTo(left) > 0) {
            log.warn("Helper {}: this node is standby (rc={}); standby wait {} is longer than the {} left,"
                    + " waiting until the level's deadline.", target, rc, DurationText.of(wait), DurationText.of(left));
        } else {
            // a warning, so that it reaches stderr at the default level: pacemaker-fenced logs an agent's
            // stderr, and this wait is most of the level's time
            log.warn("Helper {}: this node is standby (standby_check_command rc={}); waiting {} so that the"
                    + " active node fences first.", target, rc, DurationText.of(wait));
        }
        return Within.sleep(wait, deadline);
    }

    /** The command's exit code; one that cannot run counts as standby, as upstream's eval would. */
    private int standbyCheck(String target, String command, Deadline deadline) throws InterruptedException {
        try {
            return runner.run(List.of("/bin/sh", "-c", command), deadline.remaining()).exitCode();
        } catch (IOException e) {
            log.warn("Helper {}: standby_check_command failed ({}); treating this node as standby.", target,
                    e.getMessage());
            return -1;
        }
    }
}
