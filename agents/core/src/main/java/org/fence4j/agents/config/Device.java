package org.fence4j.agents.config;

import java.util.List;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;

/**
 * A configured fencing device: an agent type with validated parameters whose secrets are read
 * only when the device is opened, so that one device's missing or slow secret never concerns a
 * request that does not use it.
 *
 * @param where where the device is configured ("fence4j.yaml:12: devices.ipmi-pm02.params"), for
 *              the agent's own problems
 */
public record Device(String name, FenceAgentProvider provider, DeclaredParameters parameters, String where) {

    public Device(String name, FenceAgentProvider provider, DeclaredParameters parameters) {
        this(name, provider, parameters, "devices." + name + ".params");
    }

    public String agentType() {
        return provider.type();
    }

    /**
     * Reads the secrets (each within {@link DeclaredParameters#SECRET_TIMEOUT} and the deadline) and
     * creates a fresh agent; the caller closes it. Every problem names file, line and key.
     */
    public FenceAgent open(Deadline deadline) throws ParameterException {
        Parameters complete = parameters.withSecrets(deadline); // its problems name their origin already
        try {
            return provider.create(complete);
        } catch (ParameterException e) {
            List<String> located = e.problems().stream().map(p -> where + ": " + p).toList();
            throw new ParameterException(located);
        }
    }
}
