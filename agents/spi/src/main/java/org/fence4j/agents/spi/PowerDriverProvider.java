package org.fence4j.agents.spi;

import java.util.List;

/**
 * A power driver type (ipmi, redfish): the parameters of its device and how to make one. The core
 * makes it a whole agent: the node check, status, monitor, validate, on, off and reset through its
 * power sequencer, the timeouts, the metadata, both protocols' entry points and fence-cli. Register
 * in {@code META-INF/services/org.fence4j.agents.spi.PowerDriverProvider}.
 */
public interface PowerDriverProvider {

    /**
     * The core's parameter a driver with timeouts of its own reads: when true (fence-agents' meaning,
     * as pacemaker-fenced may pass it), only the action's deadline bounds the driver's waits.
     */
    String DISABLE_TIMEOUT = "disable_timeout";

    /** The type name used in configuration and launchers, e.g. {@code ipmi}. */
    String type();

    AgentInfo info();

    /**
     * The device's own parameters (its address, user, password, ...), declared once. The core adds
     * its own to every power agent: {@code hostname}, {@code method}, {@code power_wait},
     * {@code power_timeout}, {@code retry_on} and {@code disable_timeout}.
     */
    List<ParameterSpec> parameters();

    /** Parameters of the agents it stands in for that it does not take, each refused with why. */
    default List<RefusedParameter> refused() {
        return List.of();
    }

    /**
     * Makes a device from validated parameters (the core's among them). Does no I/O: it is also how
     * configurations are validated. Throws for combinations the single declarations cannot express.
     */
    PowerDevice create(Parameters parameters) throws ParameterException;
}
