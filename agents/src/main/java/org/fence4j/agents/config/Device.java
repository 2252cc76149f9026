package org.fence4j.agents.config;

import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;

/** A configured fencing device: an agent type with validated parameters. */
public record Device(String name, FenceAgentProvider provider, Parameters parameters) {

    public String agentType() {
        return provider.type();
    }

    /** A fresh agent instance; the caller closes it. */
    public FenceAgent open() throws ParameterException {
        return provider.create(parameters);
    }
}
