package org.fence4j.helper;

import java.util.List;
import java.util.Set;
import org.fence4j.agents.process.ExecutableSearch;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;

/** Agent type {@code helper}: stonith-helper's liveness pre-check and fencing-race delay. */
public final class HelperAgentProvider implements FenceAgentProvider {
    private static final AgentInfo INFO = new AgentInfo(
            "External STONITH module to check target and avoid shooting each other.",
            "External STONITH module to check the dead or alive of target and avoid shooting each other in split-brain.",
            "Checks whether the target is already dead (no dead_check_target answers ping): then fencing\n"
                    + "succeeds without a power device. Otherwise delays the standby node, so that in a split\n"
                    + "brain the active node fences first, and fails so that the next level fences.",
            "https://github.com/linux-ha-japan/pm_extras");

    @Override
    public String type() {
        return "helper";
    }

    @Override
    public AgentInfo info() {
        return INFO;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return HelperParameters.ALL;
    }

    /** Everything but on: the helper never powers a node on, so a chain powering a node on passes it over. */
    @Override
    public Set<FenceAction> actions() {
        return ALL_BUT_ON;
    }

    /** Checks the parameters together; the only I/O is looking up standby_check_command on PATH. */
    @Override
    public FenceAgent create(Parameters parameters) throws ParameterException {
        HelperSettings settings = HelperSettings.from(parameters, ExecutableSearch.ofEnvironment());
        return new HelperAgent(settings, new PingProbe(), new ProcessCommandRunner());
    }
}
