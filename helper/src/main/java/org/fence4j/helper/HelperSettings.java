package org.fence4j.helper;

import static org.fence4j.helper.HelperParameters.DEAD_CHECK_TARGET;
import static org.fence4j.helper.HelperParameters.DEAD_CHECK_TRIALCOUNT;
import static org.fence4j.helper.HelperParameters.HOSTLIST;
import static org.fence4j.helper.HelperParameters.ONLINE_CHECK_RETRY_MAX;
import static org.fence4j.helper.HelperParameters.QUORUM_CHECK_WAIT_TIME;
import static org.fence4j.helper.HelperParameters.RUN_DEAD_CHECK;
import static org.fence4j.helper.HelperParameters.RUN_ONLINE_CHECK;
import static org.fence4j.helper.HelperParameters.RUN_QUORUM_CHECK;
import static org.fence4j.helper.HelperParameters.RUN_STANDBY_WAIT;
import static org.fence4j.helper.HelperParameters.STANDBY_CHECK_COMMAND;
import static org.fence4j.helper.HelperParameters.STANDBY_WAIT_TIME;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.process.ExecutableSearch;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;

/**
 * A helper's configuration, every rule checked: the single declarations check each value, this
 * checks how they fit together. Unlike upstream, where a misconfigured helper silently fails
 * each fencing call, these errors fail validation.
 *
 * @param addresses  empty when the dead check is off
 * @param standbyCheckCommand empty when the standby wait is off
 */
record HelperSettings(
        List<String> hostlist,
        boolean deadCheck,
        List<ProbeAddress> addresses,
        int trialCount,
        boolean standbyWait,
        Optional<String> standbyCheckCommand,
        Duration standbyWaitTime,
        boolean onlineCheck,
        int onlineCheckRetryMax,
        boolean quorumCheck,
        Duration quorumCheckWaitTime) {

    /**
     * @param onPath whether a command word names an executable (the only I/O done here)
     */
    static HelperSettings from(Parameters p, ExecutableSearch onPath) throws ParameterException {
        List<String> problems = new ArrayList<>();
        List<String> hostlist = words(p.string(HOSTLIST.name()));
        if (hostlist.isEmpty()) {
            problems.add(HOSTLIST.name() + ": expected at least one node name, got '" + p.string(HOSTLIST.name()) + "'");
        }
        boolean deadCheck = p.bool(RUN_DEAD_CHECK.name());
        List<String> targets = words(p.get(DEAD_CHECK_TARGET.name()).orElse(""));
        List<ProbeAddress> addresses = addresses(targets, problems);
        if (deadCheck && targets.isEmpty()) {
            problems.add("parameter '" + DEAD_CHECK_TARGET.name() + "' is required when '" + RUN_DEAD_CHECK.name()
                    + "' is yes: give the target's IP addresses separated by ',' or spaces, or set "
                    + RUN_DEAD_CHECK.name() + "=no");
        }
        int trialCount = atLeastOne(p, DEAD_CHECK_TRIALCOUNT.name(), problems);
        boolean standbyWait = p.bool(RUN_STANDBY_WAIT.name());
        Optional<String> command = p.get(STANDBY_CHECK_COMMAND.name()).map(String::trim).filter(c -> !c.isEmpty());
        if (standbyWait) {
            checkStandbyCommand(command, onPath, problems);
        }
        int retryMax = atLeastOne(p, ONLINE_CHECK_RETRY_MAX.name(), problems);
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return new HelperSettings(hostlist, deadCheck, deadCheck ? addresses : List.of(), trialCount,
                standbyWait, standbyWait ? command : Optional.empty(), p.seconds(STANDBY_WAIT_TIME.name()),
                p.bool(RUN_ONLINE_CHECK.name()), retryMax, p.bool(RUN_QUORUM_CHECK.name()),
                p.seconds(QUORUM_CHECK_WAIT_TIME.name()));
    }

    /** Upstream's lists: ',' or blanks between words. */
    static List<String> words(String text) {
        return Arrays.stream(text.trim().split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** True if {@code node} is one of {@code hostlist}, compared as Pacemaker compares node names. */
    boolean covers(String node) {
        return node != null && hostlist.stream().anyMatch(h -> h.equalsIgnoreCase(node));
    }

    private static List<ProbeAddress> addresses(List<String> targets, List<String> problems) {
        List<ProbeAddress> addresses = new ArrayList<>();
        for (String word : targets) {
            try {
                addresses.add(ProbeAddress.parse(word));
            } catch (IllegalArgumentException e) {
                problems.add(DEAD_CHECK_TARGET.name() + ": " + e.getMessage());
            }
        }
        return List.copyOf(addresses);
    }

    private static void checkStandbyCommand(Optional<String> command, ExecutableSearch onPath, List<String> problems) {
        if (command.isEmpty()) {
            problems.add("parameter '" + STANDBY_CHECK_COMMAND.name() + "' is required when '"
                    + RUN_STANDBY_WAIT.name() + "' is yes: give a command that exits 0 on the active node,"
                    + " or set " + RUN_STANDBY_WAIT.name() + "=no");
            return;
        }
        String program = command.get().split("\\s+", 2)[0];
        if (!onPath.test(program)) {
            problems.add(STANDBY_CHECK_COMMAND.name() + ": '" + program + "' is not an executable file"
                    + (program.contains("/") ? "" : " on PATH (" + onPath.searchPath() + ")")
                    + "; expected the command's first word to name a program");
        }
    }

    private static int atLeastOne(Parameters p, String name, List<String> problems) {
        long value = p.integer(name);
        if (value < 1 || value > Integer.MAX_VALUE) {
            problems.add(name + ": expected a whole number of at least 1, got '" + p.string(name) + "'");
            return 1;
        }
        return (int) value;
    }
}
