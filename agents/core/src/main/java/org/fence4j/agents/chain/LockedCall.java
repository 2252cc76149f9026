package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;

/**
 * One call of a protocol adapter (fence_fence4j*, external/fence4j*). Power commands (on, off,
 * reset) run under the target's shared lock ({@link TargetLocks}), waited for within the
 * request's deadline, so that they never interleave at a device with those of fence-cli or of
 * another plugin, and are recorded in the history of the state directory, as fence-cli's are: after
 * a fence at 3 a.m. through Pacemaker's per-level devices, {@code fence-cli history} shows it. Reads
 * (status, monitor, list) take no lock: they change nothing, and a monitor or status that waited
 * behind a fence would time out and fail the device; they are not recorded (Pacemaker monitors
 * every minute), except a monitor that fails after one that succeeded: the device broke. The whole
 * chain takes the lock itself, once, in its {@link Fencer} (which writes the history after
 * releasing it): taking it here as well would make the chain wait for itself.
 */
public final class LockedCall {
    /**
     * Who calls and where the call is recorded.
     *
     * @param requester who asks, for the history and a refused request's message: e.g. "pacemaker-fenced"
     * @param adapter   the device as the caller ran it: fence_fence4j_ipmi, external/fence4j-ipmi
     * @param device    the device's parameters without secrets, which tell two devices of one adapter apart
     * @param stateDir  the state directory whose history records the call
     * @param log       the concise log, which tells syslog when a power action starts and how it ended
     */
    public record Caller(String requester, String adapter, Map<String, String> device, Path stateDir, ConciseLog log) {
    }

    private LockedCall() {
    }

    /**
     * @param node the node the request is for, whose lock it takes: Pacemaker's nodename when the
     *             device knows the node by another name ({@code target}, a plug), else the target
     */
    public static FenceResult execute(FenceAgentProvider provider, FenceAgent agent, FenceAction action,
            String target, String node, Deadline deadline, Caller caller) throws InterruptedException {
        if (provider instanceof ChainAgentProvider) {
            return AgentCall.execute(agent, action, target, deadline);
        }
        if (action == FenceAction.MONITOR) {
            FenceResult result = AgentCall.execute(agent, action, target, deadline);
            Instant now = Instant.now();
            Optional<DeviceHealth.Last> before = new DeviceHealth(caller.stateDir()).remember(
                    DeviceHealth.calledAlone(caller.adapter(), caller.device()),
                    new DeviceHealth.Last(result.outcome(), action, now, result.message()));
            if (before.filter(b -> b.outcome() == Outcome.SUCCESS).isPresent() && !result.succeeded()) {
                // the nodes the device fences, so that fence-cli history shows the broken device with them
                String nodes = String.join(",", agent.targets());
                record(caller, HistoryEntry.of(result, action, nodes, caller.requester(), caller.adapter(), now, now),
                        deadline);
            }
            return result;
        }
        if (!(action == FenceAction.ON || action.fences())) {
            return AgentCall.execute(agent, action, target, deadline);
        }
        Instant start = Instant.now();
        caller.log().started(node, action, caller.adapter(), caller.requester());
        FenceResult result;
        try (TargetLocks.Held held = TargetLocks.shared().acquire(node,
                TargetLocks.holder(action.word(), caller.requester() + " via " + caller.adapter()), deadline, true)) {
            result = AgentCall.execute(agent, action, target, deadline);
        } catch (TargetLocks.BusyException e) {
            result = FenceResult.failure(e.getMessage());
        } catch (IOException e) {
            result = FenceResult.failure("cannot take the lock of " + node + ": " + e.getMessage());
        } catch (InterruptedException e) {
            // a power command may have gone out: the history and the log say how it ended, then it passes on
            Instant end = Instant.now();
            FenceResult interrupted = FenceResult.failure("interrupted; " + node + " is NOT known to be fenced");
            caller.log().finished(node, action, caller.adapter(), interrupted, Duration.between(start, end));
            record(caller, HistoryEntry.of(interrupted, action, node, caller.requester(), caller.adapter(), start,
                    end), deadline);
            throw e;
        }
        Instant end = Instant.now();
        caller.log().finished(node, action, caller.adapter(), result, Duration.between(start, end));
        // after the lock is released, as the chain's Fencer does
        record(caller, HistoryEntry.of(result, action, node, caller.requester(), caller.adapter(), start, end),
                deadline);
        return result;
    }

    private static void record(Caller caller, HistoryEntry entry, Deadline deadline) {
        Fencer.history(caller.stateDir()).record(entry, deadline);
    }
}
