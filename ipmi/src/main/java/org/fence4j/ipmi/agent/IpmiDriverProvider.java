package org.fence4j.ipmi.agent;

import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerDriverProvider;
import org.fence4j.agents.spi.RefusedParameter;

/** The {@code ipmi} power driver: a node's power through its BMC, with IPMI v2.0 (RMCP+). */
public final class IpmiDriverProvider implements PowerDriverProvider {

    @Override
    public String type() {
        return "ipmi";
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("IPMI-LAN", "IPMI v2.0 (lanplus) power control of a node's BMC",
                "Powers a node off, on or through a reset with its BMC over IPMI v2.0 RMCP+ (UDP 623), verifying the"
                        + " BMC's proofs and confirming power off by reading the chassis status back. Parameters follow"
                        + " cluster-glue external/ipmi and fence_ipmilan: each name of either is accepted.",
                "https://www.intel.com/content/www/us/en/products/docs/servers/ipmi/ipmi-second-gen-interface-spec-v2-rev1-1.html");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return IpmiParameters.ALL;
    }

    @Override
    public List<RefusedParameter> refused() {
        return IpmiParameters.REFUSED;
    }

    @Override
    public PowerDevice create(Parameters parameters) throws ParameterException {
        return new BmcDevice(IpmiSettings.from(parameters));
    }
}
