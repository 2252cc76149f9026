package org.fence4j.agents.testing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;

/**
 * A fencing device made of files, for tests of anything generic over agents (adapters, chain, CLI):
 * each host's power state is a file in {@code state_dir} (see {@link ToyDevice}), so on, off, reset and
 * status are real and observable from another process, and so is when each request started and ended.
 * {@code mode} makes it fail or hang, {@code wait_ms} makes power changes slow.
 */
public final class ToyAgentProvider implements FenceAgentProvider {
    public static final String TYPE = "toy";
    /** The only password the toy device accepts; tests search all output for it. */
    public static final String PASSWORD = "toy-s3cret-8d1f47";

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.string("hostlist", "Hosts this device fences").asRequired().asUnique()
                    .withLongDescription("Hosts this device fences, separated by commas or spaces.")
                    .withAliases("hosts"),
            ParameterSpec.string("state_dir", "Directory of the power state files").asRequired(),
            ParameterSpec.secret("passwd", "Device password").asRequired().withAliases("password"),
            ParameterSpec.integer("wait_ms", "Milliseconds a power change takes").withDefault("0"),
            ParameterSpec.select("mode", "Behaviour of the device", "normal", "fail", "hang").withDefault("normal")
                    .withLongDescription("normal: works; fail: refuses every request; hang: never answers."));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("Toy STONITH device", "Toy fencing device for tests",
                "A fencing device made of files & directories, for tests of <generic> code.",
                "https://example.invalid/toy");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public FenceAgent create(Parameters parameters) throws ParameterException {
        List<String> hosts = Arrays.stream(parameters.string("hostlist").split("[,\\s]+"))
                .filter(h -> !h.isEmpty()).toList();
        if (hosts.isEmpty()) {
            throw new ParameterException("hostlist: expected at least one host name");
        }
        return new ToyAgent(hosts, new ToyDevice(Path.of(parameters.string("state_dir"))),
                parameters.secret("passwd").orElseThrow(), parameters.integer("wait_ms"),
                parameters.string("mode"));
    }
}
