package org.fence4j.redfish;

import java.util.ArrayList;
import java.util.List;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.power.PowerAgentProvider;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;

/**
 * The redfish agent and device, made as a configuration makes them, for one simulated BMC: user
 * admin, password secret, its certificate pinned unless the test's parameters say otherwise.
 */
final class RedfishLab {
    static final String PASSWORD = "s3cret-Pw";
    private final FenceAgentProvider provider = AgentRegistry.load().require("redfish");
    private final SimulatedRedfishBmc bmc;

    RedfishLab(SimulatedRedfishBmc bmc) throws ParameterException {
        this.bmc = bmc;
    }

    static SimulatedRedfishBmc.Builder bmc() {
        return SimulatedRedfishBmc.builder().user("admin", PASSWORD);
    }

    FenceAgent agent(String... keyValues) throws ParameterException {
        return provider.create(parameters(keyValues));
    }

    PowerDevice device(String... keyValues) throws ParameterException {
        return new RedfishDriverProvider().create(parameters(keyValues));
    }

    Parameters parameters(String... keyValues) throws ParameterException {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.add(keyValues[i]);
        }
        List<RawParameter> raw = new ArrayList<>();
        add(raw, given, "ip", "127.0.0.1");
        add(raw, given, "ipport", Integer.toString(bmc.port()));
        add(raw, given, "username", "admin");
        add(raw, given, "password", PASSWORD);
        if (bmc.certificate() != null && !given.contains("ssl_insecure") && !given.contains("ssl_ca_file")
                && !given.contains("ssl")) {
            add(raw, given, "ssl_fingerprint", bmc.certificate().fingerprint());
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.add(new RawParameter(keyValues[i], keyValues[i + 1], Origin.stdin(100 + i)));
        }
        return DeclaredParameters.resolve(new PowerAgentProvider(new RedfishDriverProvider()).parameters(), raw,
                DeclaredParameters.Unknown.REJECT, name -> null);
    }

    private static void add(List<RawParameter> raw, List<String> given, String name, String value) {
        if (!given.contains(name)) {
            raw.add(new RawParameter(name, value, Origin.stdin(raw.size() + 1)));
        }
    }
}
