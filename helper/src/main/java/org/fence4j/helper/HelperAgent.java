package org.fence4j.helper;

import java.time.Duration;
import java.util.List;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Proof;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first level of a chain, as {@code external/stonith-helper}: it never powers anything off.
 * reset/off succeed only when every dead_check_target stayed silent (the target is already
 * dead) or, when enabled, this node has no quorum; otherwise, after the standby wait, they fail
 * so that the next level fences.
 */
final class HelperAgent implements FenceAgent {
    private static final Logger log = LoggerFactory.getLogger(HelperAgent.class);
    /** Kept back from the level's deadline so that the result is delivered before it passes. */
    static final Duration RESERVE = Duration.ofMillis(300);

    private final HelperSettings settings;
    private final Probe probe;
    private final DeadCheck deadCheck;
    private final StandbyWait standbyWait;
    private final Membership membership;

    HelperAgent(HelperSettings settings, Probe probe, CommandRunner runner) {
        this.settings = settings;
        this.probe = probe;
        this.membership = new Membership(runner);
        this.deadCheck = new DeadCheck(probe, settings.trialCount());
        this.standbyWait = new StandbyWait(settings, runner, membership);
    }

    @Override
    public List<String> targets() {
        return settings.hostlist();
    }

    @Override
    public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
        return switch (action) {
            case OFF, RESET -> fence(target, deadline.atMost(deadline.remaining().minus(RESERVE)));
            case ON -> FenceResult.failure("the helper never powers a node on; it only checks whether "
                    + (target == null ? "a node" : target) + " is already dead");
            case STATUS -> FenceResult.success("helper configuration is valid (hostlist "
                    + String.join(" ", settings.hostlist()) + ")");
            case MONITOR -> monitor();
        };
    }

    /** Healthy when silence from every dead_check_target could mean death: this host can reach each one. */
    private FenceResult monitor() {
        List<String> problems = settings.addresses().stream()
                .flatMap(a -> probe.whyCannotReach(a).map(why -> "dead_check_target " + a + ": " + why).stream())
                .toList();
        String hostlist = String.join(" ", settings.hostlist());
        if (!problems.isEmpty()) {
            return FenceResult.failure(String.join("; ", problems) + "; silence from such an address would prove"
                    + " nothing, so the helper could never find " + hostlist + " dead");
        }
        return FenceResult.success("helper configuration is valid (hostlist " + hostlist + ")"
                + (settings.addresses().isEmpty() ? "" : "; this host can reach every dead_check_target"));
    }

    private FenceResult fence(String target, Deadline deadline) throws InterruptedException {
        if (!settings.covers(target)) {
            return FenceResult.failure("the helper checks " + String.join(", ", settings.hostlist())
                    + ", not " + target + "; it cannot tell whether " + target + " is dead");
        }
        String why;
        if (settings.deadCheck()) {
            DeadCheck.Result check = deadCheck.run(target, settings.addresses(), deadline);
            switch (check.verdict()) {
                case SILENT -> {
                    String dead = target + ": all dead_check_target addresses are silent; " + target
                            + " is considered dead";
                    log.info("Helper {}.", dead);
                    return FenceResult.confirmed(Proof.TARGET_DEAD, dead);
                }
                case OUT_OF_TIME -> {
                    return timeout(target, check.detail());
                }
                default -> why = check.detail();
            }
        } else {
            why = "the dead check is off (run_dead_check=no)";
        }
        if (!standbyWait.run(target, deadline)) {
            return timeout(target, why + "; the standby wait reached the level's deadline");
        }
        if (settings.quorumCheck()) {
            log.info("Helper {}: quorum check in {}.", target, DurationText.of(settings.quorumCheckWaitTime()));
            if (!Within.sleep(settings.quorumCheckWaitTime(), deadline)) {
                return timeout(target, why + "; the quorum check wait reached the level's deadline");
            }
            Membership.Quorum quorum = membership.quorum(target, deadline);
            if (quorum == Membership.Quorum.NO_QUORUM) {
                // upstream exits 0 here ("gives back OK for recomputation"); a success for a target
                // that is not confirmed dead breaks fencing's one promise, so fence4j fails instead
                String message = target + ": this node has no quorum (run_quorum_check=yes); " + target
                        + " is NOT confirmed dead, so the helper fails rather than report success";
                log.warn("Helper {}.", message);
                return FenceResult.failure(message);
            }
            if (quorum == Membership.Quorum.QUORATE) {
                log.info("Helper {}: this node has quorum.", target);
            }
        }
        String message = target + ": " + why + "; " + target + " is not confirmed dead, the next level must fence it";
        log.info("Helper {}.", message);
        return FenceResult.failure(message);
    }

    private static FenceResult timeout(String target, String why) {
        String message = target + ": " + why + "; " + target + " is not confirmed dead";
        log.warn("Helper {}.", message);
        return FenceResult.timeout(message);
    }
}
