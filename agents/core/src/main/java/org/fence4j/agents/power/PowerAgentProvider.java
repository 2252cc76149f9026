package org.fence4j.agents.power;

import java.util.ArrayList;
import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerDriverProvider;
import org.fence4j.agents.spi.RefusedParameter;

/**
 * A power driver made an agent type: the driver declares and makes its device, this adds what every
 * power agent has (the node it powers, the power sequence and its timing) and does the rest
 * ({@link PowerAgent}).
 */
public final class PowerAgentProvider implements FenceAgentProvider {
    public static final ParameterSpec HOSTNAME = ParameterSpec.string("hostname", "The node this device fences")
            .asUnique()
            .withLongDescription("The name of the node this device powers; the only target accepted. Without it any"
                    + " target name is accepted (fence-agents style).");

    private final PowerDriverProvider driver;
    private final List<ParameterSpec> parameters;

    public PowerAgentProvider(PowerDriverProvider driver) {
        this.driver = driver;
        List<ParameterSpec> all = new ArrayList<>();
        all.add(HOSTNAME);
        all.addAll(driver.parameters());
        all.addAll(PowerSettings.parameters());
        this.parameters = List.copyOf(all);
    }

    /** The driver's provider: what a launcher names. */
    public PowerDriverProvider driver() {
        return driver;
    }

    @Override
    public String type() {
        return driver.type();
    }

    @Override
    public AgentInfo info() {
        return driver.info();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public List<RefusedParameter> refused() {
        return driver.refused();
    }

    /**
     * No list, as fence_ipmilan: a power device powers one node, and without hostname it knows no
     * name for it. Pacemaker's fencer then asks status with the node instead (pcmk_host_check=status):
     * any node for a device without hostname, only that node with one. A list would be empty
     * without hostname, and the fencer would never use the device.
     */
    @Override
    public boolean lists() {
        return false;
    }

    @Override
    public FenceAgent create(Parameters parameters) throws ParameterException {
        List<String> problems = new ArrayList<>();
        PowerSettings power = null;
        try {
            power = PowerSettings.from(parameters);
        } catch (ParameterException e) {
            problems.addAll(e.problems());
        }
        try {
            // the driver's problems too, every one at once
            PowerDevice device = driver.create(parameters);
            if (problems.isEmpty()) {
                return new PowerAgent(type(), parameters.get(HOSTNAME.name()), device, new PowerSequencer(power));
            }
        } catch (ParameterException e) {
            problems.addAll(e.problems());
        }
        throw new ParameterException(problems);
    }
}
