package org.fence4j.redfish;

import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerDriverProvider;
import org.fence4j.agents.spi.RefusedParameter;

/** The {@code redfish} power driver: a node's power through its BMC's Redfish service (HTTPS). */
public final class RedfishDriverProvider implements PowerDriverProvider {

    @Override
    public String type() {
        return "redfish";
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("Redfish", "I/O Fencing agent for Redfish",
                "Powers a node off, on or through a reset with its BMC's Redfish service (HTTPS, DMTF Redfish):"
                        + " ComputerSystem.Reset ForceOff and On, confirming the power off by reading PowerState back."
                        + " Parameters follow fence_redfish.", "http://www.dmtf.org");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return RedfishParameters.ALL;
    }

    @Override
    public List<RefusedParameter> refused() {
        return RedfishParameters.REFUSED;
    }

    @Override
    public PowerDevice create(Parameters parameters) throws ParameterException {
        return new RedfishDevice(RedfishSettings.from(parameters));
    }
}
