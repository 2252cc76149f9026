package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.fence4j.agents.spi.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Pacemaker's {@code crm_node} says about this node's partition. */
final class Membership {
    private static final Logger log = LoggerFactory.getLogger(Membership.class);
    private static final Duration BETWEEN_TRIES = Duration.ofSeconds(1);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(10);

    enum Quorum { QUORATE, NO_QUORUM, UNKNOWN }

    private final CommandRunner runner;

    Membership(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * True if {@code node} is a member of this partition ({@code crm_node -p}, names compared
     * case-insensitively). Tried up to {@code tries} times one second apart; if it never answers
     * the state is unknown, which counts as not online, as upstream.
     */
    boolean isOnline(String node, int tries, Deadline deadline) throws InterruptedException {
        for (int attempt = 1; attempt <= tries && !deadline.expired(); attempt++) {
            try {
                CommandRunner.Result result = runner.run(List.of("crm_node", "-p"),
                        deadline.remainingAtMost(CALL_LIMIT));
                if (result.exitCode() == 0) {
                    return Arrays.stream(result.output().trim().split("\\s+")).anyMatch(node::equalsIgnoreCase);
                }
                log.warn("Helper {}: crm_node -p exited {} (try {} of {}).", node, result.exitCode(), attempt, tries);
            } catch (IOException e) {
                log.warn("Helper {}: crm_node -p failed: {} (try {} of {}).", node, e.getMessage(), attempt, tries);
            }
            if (attempt < tries && !Within.sleep(BETWEEN_TRIES, deadline)) {
                break;
            }
        }
        log.warn("Helper {}: membership unknown (crm_node -p gave no answer); treating {} as not online.", node, node);
        return false;
    }

    /** {@code crm_node -q}: prints 1 with quorum, 0 without. */
    Quorum quorum(String target, Deadline deadline) throws InterruptedException {
        try {
            CommandRunner.Result result = runner.run(List.of("crm_node", "-q"), deadline.remainingAtMost(CALL_LIMIT));
            if (result.exitCode() != 0) {
                log.error("Helper {}: crm_node -q exited {}; quorum unknown.", target, result.exitCode());
                return Quorum.UNKNOWN;
            }
            return result.output().trim().equals("1") ? Quorum.QUORATE : Quorum.NO_QUORUM;
        } catch (IOException e) {
            log.error("Helper {}: crm_node -q failed: {}; quorum unknown.", target, e.getMessage());
            return Quorum.UNKNOWN;
        }
    }
}
