package org.fence4j.agents.protocol.fenceagents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RawParameter;

/**
 * fencing.py's {@code port_as_ip}: plug (port) is the device's address, for one device entry that
 * serves many nodes (Pacemaker maps each node to its BMC's address with pcmk_host_map and passes it
 * as port). fence-agents offer it to every agent with an {@code ip}; so does fence4j. The node is
 * then nodename, as Pacemaker passes it beside port.
 */
final class PortAsIp {
    static final String NAME = "port_as_ip";
    /** The device address parameter plug stands for. */
    static final String ADDRESS = "ip";

    static final ParameterSpec SPEC = ParameterSpec.bool(NAME, "Make \"port/plug\" to be an alias to IP address")
            .withLongDescription("plug (port) is the device's address (ip), and nodename the node: one device entry"
                    + " for many nodes, each mapped to its BMC's address by pcmk_host_map. An ip given besides must be"
                    + " the same address.")
            .withDefault("0");

    private PortAsIp() {
    }

    /** Whether the agent has a device address for plug to name (ipmi's and redfish's ip). */
    static boolean applies(FenceAgentProvider provider) {
        return DeclaredParameters.declaring(provider.parameters(), ADDRESS).isPresent();
    }

    /** The address parameter, which port_as_ip makes optional (plug may give it), as fencing.py's metadata says. */
    static boolean isAddress(ParameterSpec spec, FenceAgentProvider provider) {
        return spec.isNamed(ADDRESS) && applies(provider);
    }

    /**
     * The agent's parameters with plug as ip, from where plug was given; an ip given besides with
     * another address is then "already given ... with another value" (fencing.py would overwrite it).
     */
    static List<RawParameter> withAddress(List<RawParameter> standard, List<RawParameter> agent) {
        Optional<RawParameter> plug = standard.stream()
                .filter(p -> DeclaredParameters.declaring(StandardOptions.TRAILING, p.key())
                        .filter(s -> s.isNamed(StandardOptions.PLUG)).isPresent())
                .findFirst();
        if (plug.isEmpty()) {
            return agent;
        }
        List<RawParameter> all = new ArrayList<>(agent);
        all.add(new RawParameter(ADDRESS, plug.get().value(), plug.get().origin()));
        return all;
    }
}
