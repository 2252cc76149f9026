package org.fence4j.meatware;

import java.util.List;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.meatware.rendezvous.Hostnames;

/** A person as a fencing device: success only when they confirm they reset the node. */
final class MeatwareAgent implements FenceAgent {
    private final List<String> hosts;
    private final OperatorWait operator;

    MeatwareAgent(List<String> hosts, OperatorWait operator) {
        this.hosts = List.copyOf(hosts);
        this.operator = operator;
    }

    @Override
    public FenceResult execute(FenceAction action, String target, Deadline deadline) {
        return switch (action) {
            case RESET, OFF -> fence(action, target, deadline);
            // upstream treats "on" as a reset request; asking a person to reset a node to power it on is
            // a confusing request, and nothing is fenced by it: refused
            case ON -> FenceResult.failure("meatware does not power nodes on; power " + target + " on by hand.");
            case STATUS -> FenceResult.power(PowerState.UNKNOWN, "meatware cannot read the power state of "
                    + (target == null ? "a node" : target) + "; a person reports it.");
            case MONITOR -> FenceResult.success("meatware needs no device: it is ready to ask an operator.");
        };
    }

    private FenceResult fence(FenceAction action, String target, Deadline deadline) {
        if (target == null || target.isBlank()) {
            return FenceResult.failure("meatware needs the node to " + action.word() + ".");
        }
        String node = Hostnames.normalize(target);
        if (!hosts.contains(node)) {
            return FenceResult.failure(node + " is not in this meatware device's hostlist (" + String.join(" ", hosts)
                    + ").");
        }
        return operator.await(action, node, deadline);
    }

    @Override
    public List<String> targets() {
        return hosts;
    }

    /** A rendezvous directory every fence would refuse to wait in. */
    @Override
    public List<String> problems(Deadline deadline) {
        return operator.rendezvousProblem().map(p -> List.of(MeatwareProvider.RENDEZVOUS_DIR.name() + ": " + p))
                .orElse(List.of());
    }
}
