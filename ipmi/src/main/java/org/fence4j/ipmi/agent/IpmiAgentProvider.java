package org.fence4j.ipmi.agent;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;

/** The {@code ipmi} agent type: powers a node through its BMC with IPMI v2.0 (RMCP+). */
public final class IpmiAgentProvider implements FenceAgentProvider {

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

    /**
     * No list, as fence_ipmilan: a BMC powers one node and a device without hostname knows no name
     * for it. Pacemaker's fencer then asks status with the node instead (pcmk_host_check=status):
     * any node for a device without hostname, only that node with one. A list would be empty
     * without hostname, and the fencer would never use the device.
     */
    @Override
    public Set<FenceAction> actions() {
        return EnumSet.of(FenceAction.ON, FenceAction.OFF, FenceAction.RESET, FenceAction.STATUS, FenceAction.MONITOR);
    }

    @Override
    public FenceAgent create(Parameters parameters) throws ParameterException {
        return new IpmiAgent(IpmiSettings.from(parameters));
    }
}
