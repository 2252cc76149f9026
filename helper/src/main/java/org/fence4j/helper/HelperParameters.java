package org.fence4j.helper;

import java.util.List;
import org.fence4j.agents.spi.ParameterSpec;

/** The parameters of the helper agent, declared once with stonith-helper's names and defaults. */
final class HelperParameters {
    static final ParameterSpec HOSTLIST = ParameterSpec.string("hostlist",
                    "The nodes this device checks, separated by ',' or spaces")
            .asRequired();
    static final ParameterSpec RUN_DEAD_CHECK = ParameterSpec.bool("run_dead_check",
                    "Ping dead_check_target first; if none answers, the target is considered dead")
            .withDefault("yes");
    static final ParameterSpec DEAD_CHECK_TARGET = ParameterSpec.string("dead_check_target",
                    "The target's IP addresses to ping, separated by ',' or spaces")
            .withLongDescription("IPv4 or IPv6 literals of the target (not host names), separated by ',' or"
                    + " spaces; addr%ifname pings through that interface. Required when run_dead_check is yes."
                    + " Only an address that could answer counts: multicast, broadcast, unspecified and reserved"
                    + " addresses are refused, and an IPv6 link-local address needs its %ifname.");
    static final ParameterSpec DEAD_CHECK_TRIALCOUNT = ParameterSpec.integer("dead_check_trialcount",
                    "Pings per address, one second apart, before it counts as silent")
            .withDefault("5");
    static final ParameterSpec RUN_STANDBY_WAIT = ParameterSpec.bool("run_standby_wait",
                    "On the standby node, wait standby_wait_time before passing to the next level")
            .withDefault("yes");
    static final ParameterSpec STANDBY_CHECK_COMMAND = ParameterSpec.string("standby_check_command",
                    "Shell command that exits 0 on the active node and non-zero on the standby node")
            .withLongDescription("Run with /bin/sh -c, output discarded. Exit 0: this node is active, no wait;"
                    + " otherwise this node is standby and waits standby_wait_time, so that in a split brain"
                    + " the active node fences first. Its first word must be a program on PATH."
                    + " Required when run_standby_wait is yes.");
    static final ParameterSpec STANDBY_WAIT_TIME = ParameterSpec.seconds("standby_wait_time",
                    "Seconds the standby node waits")
            .withDefault("25");
    static final ParameterSpec RUN_ONLINE_CHECK = ParameterSpec.bool("run_online_check",
                    "Skip the standby wait while the target is still an online member (crm_node -p)")
            .withDefault("yes");
    static final ParameterSpec ONLINE_CHECK_RETRY_MAX = ParameterSpec.integer("online_check_retry_max",
                    "Tries of crm_node -p, one second apart; if all fail the target counts as not online")
            .withDefault("5");
    static final ParameterSpec RUN_QUORUM_CHECK = ParameterSpec.bool("run_quorum_check",
                    "After the waits, check that this node has quorum (crm_node -q)")
            .withDefault("no")
            .withLongDescription("After quorum_check_wait_time, ask crm_node -q and log the answer. Upstream"
                    + " stonith-helper reports success without quorum \"for recomputation\"; fence4j never reports"
                    + " success for a target that is not confirmed dead, so without quorum this level fails too.");
    static final ParameterSpec QUORUM_CHECK_WAIT_TIME = ParameterSpec.seconds("quorum_check_wait_time",
                    "Seconds to wait before the quorum check")
            .withDefault("10");

    /** In stonith-helper's getconfignames order. */
    static final List<ParameterSpec> ALL = List.of(HOSTLIST, RUN_DEAD_CHECK, RUN_QUORUM_CHECK,
            RUN_ONLINE_CHECK, ONLINE_CHECK_RETRY_MAX, RUN_STANDBY_WAIT, DEAD_CHECK_TARGET,
            DEAD_CHECK_TRIALCOUNT, STANDBY_CHECK_COMMAND, STANDBY_WAIT_TIME, QUORUM_CHECK_WAIT_TIME);

    private HelperParameters() {
    }
}
