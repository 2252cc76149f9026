package org.fence4j.toydriver;

import java.nio.file.Path;
import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDevice;
import org.fence4j.agents.spi.PowerDriverProvider;

/**
 * The {@code toypower} driver: a node's power as a file. All a driver writes is here: its
 * parameters and its device. The agent, both protocols, fence-cli and the sequence come from the core.
 */
public final class ToyDriverProvider implements PowerDriverProvider {
    static final String STATE_DIR = "state_dir";
    static final String STUCK_ON = "stuck_on";

    @Override
    public String type() {
        return "toypower";
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("toypower", "A node's power as a file", "A power device for tests: the power of its"
                + " node is the file NODE.power in state_dir (on or off), each command a line of actions.log.",
                "https://example.org/toypower");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.string(STATE_DIR, "Directory of the power files").asRequired(),
                ParameterSpec.bool(STUCK_ON, "Acknowledge power down but stay on, as a broken device does")
                        .withDefault("0"));
    }

    @Override
    public PowerDevice create(Parameters parameters) throws ParameterException {
        String dir = parameters.string(STATE_DIR);
        if (!Path.of(dir).isAbsolute()) {
            throw new ParameterException(List.of(STATE_DIR + ": expected an absolute directory, got '" + dir + "'"));
        }
        return new ToyPowerDevice(Path.of(dir), parameters.get("hostname").orElse("node"),
                parameters.bool(STUCK_ON));
    }
}
