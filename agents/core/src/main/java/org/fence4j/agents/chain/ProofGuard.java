package org.fence4j.agents.chain;

import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Proof;

/**
 * The check every agent answer passes before anyone acts on it, in the chain and in the protocol
 * adapters alike ({@link AgentCall}): an off or reset SUCCESS must name a proof that the target is
 * fenced, an on SUCCESS the power read back on. Any other success is a FAILURE.
 */
final class ProofGuard {

    private ProofGuard() {
    }

    static FenceResult check(FenceAction action, FenceResult result) {
        if (!result.succeeded()) {
            return result;
        }
        if (action.fences()) {
            if (result.power() == PowerState.ON) {
                // an agent that says "fenced" while reading power on contradicts itself: never trust it
                return refused("reported success but read the power as on: ", result);
            }
            return result.proof().fences() ? result : refused("reported success without proof: ", result);
        }
        if (action == FenceAction.ON && result.proof() != Proof.POWER_READ_ON) {
            return refused("reported success without proof: ", result);
        }
        return result;
    }

    private static FenceResult refused(String why, FenceResult result) {
        return FenceResult.failure(why + result.message(), result.power());
    }
}
