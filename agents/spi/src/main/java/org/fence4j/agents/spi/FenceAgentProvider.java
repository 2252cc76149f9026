package org.fence4j.agents.spi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An agent type, found with {@link java.util.ServiceLoader}: the core names no agent.
 * Register in {@code META-INF/services/org.fence4j.agents.spi.FenceAgentProvider}.
 */
public interface FenceAgentProvider {

    /** The type name used in configuration and launchers, e.g. {@code ipmi}. */
    String type();

    AgentInfo info();

    /** Every parameter, declared once. */
    List<ParameterSpec> parameters();

    /** The actions of an agent that never powers a node on (a liveness check, a person): all but ON. */
    Set<FenceAction> ALL_BUT_ON = Collections.unmodifiableSet(EnumSet.of(FenceAction.OFF, FenceAction.RESET,
            FenceAction.STATUS, FenceAction.MONITOR));

    /** The actions this agent implements. */
    default Set<FenceAction> actions() {
        return EnumSet.allOf(FenceAction.class);
    }

    /**
     * Whether its agents' {@link FenceAgent#targets()} name every node they fence, so that the
     * protocols offer list: true for a device of a host list, false for one that knows no node.
     */
    default boolean lists() {
        return true;
    }

    /**
     * True if the agent may talk with the operator on fence-cli's terminal while it runs (meatware
     * asks for the confirmation there). fence-cli then draws no progress line of its own during
     * that level: it would overwrite the question.
     */
    default boolean talksToOperator() {
        return false;
    }

    /** Parameters of the agents it stands in for that it does not take, each refused with why. */
    default List<RefusedParameter> refused() {
        return List.of();
    }

    /**
     * Makes a device from validated parameters. Does no I/O: it is also how configurations
     * are validated. Throws for combinations that the single declarations cannot express.
     */
    FenceAgent create(Parameters parameters) throws ParameterException;
}
