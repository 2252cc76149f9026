package org.fence4j.agents.chain;

import java.io.IOException;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;

/**
 * One call of a protocol adapter (fence_fence4j*, external/fence4j*). Power commands (on, off,
 * reset) run under the target's shared lock ({@link TargetLocks}), waited for within the
 * request's deadline, so that they never interleave at a device with those of fence-cli or of
 * another plugin. Reads (status, monitor, list) take no lock: they change nothing, and a monitor
 * or status that waited behind a fence would time out and fail the device. The whole chain takes
 * the lock itself, once, in its {@link Fencer} (which writes the history after releasing it):
 * taking it here as well would make the chain wait for itself.
 */
public final class LockedCall {
    private LockedCall() {
    }

    /**
     * @param node      the node the request is for, whose lock it takes: Pacemaker's nodename when the
     *                  device knows the node by another name ({@code target}, a plug), else the target
     * @param requester who asks, for a refused request's message: e.g. "pacemaker-fenced via fence_fence4j_ipmi"
     */
    public static FenceResult execute(FenceAgentProvider provider, FenceAgent agent, FenceAction action,
            String target, String node, Deadline deadline, String requester) throws InterruptedException {
        if (!(action == FenceAction.ON || action.fences()) || provider instanceof ChainAgentProvider) {
            return AgentCall.execute(agent, action, target, deadline);
        }
        try (TargetLocks.Held held = TargetLocks.shared().acquire(node,
                TargetLocks.holder(action.word(), requester), deadline, true)) {
            return AgentCall.execute(agent, action, target, deadline);
        } catch (TargetLocks.BusyException e) {
            return FenceResult.failure(e.getMessage());
        } catch (IOException e) {
            return FenceResult.failure("cannot take the lock of " + node + ": " + e.getMessage());
        }
    }
}
