package org.fence4j.bin;

import java.util.List;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;
import org.fence4j.agents.protocol.external.ExternalPlugin;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.spi.AgentRegistry;

/**
 * The training run behind the class-data archive (libexec/fence4j-train): in one JVM, the calls
 * Pacemaker and operators make most — fence-cli status, and each agent's metadata and status through
 * both protocol adapters — so that the archive holds the classes they load. Loopback only: the
 * devices are a simulated BMC on 127.0.0.1 and pings of 127.0.0.1. Outcomes do not matter (the
 * classes loaded on a failure path are worth archiving too); the exit code is 0 once all ran.
 *
 * <p>Arguments: the training fence4j.yaml and the simulated BMC's port; the external plugins'
 * parameters come from the environment, as cluster-glue passes them.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) {
        String config = args[0];
        String port = args[1];
        FenceCli.run(new String[] {"--config", config, "status", "pm02"}, Terminal.system());
        FenceCli.run(new String[] {"--config", config, "validate"}, Terminal.system());
        for (String type : AgentRegistry.load().types()) {
            ExternalPlugin.execute(type, "getinfo-xml");
            ExternalPlugin.execute(type, "getconfignames");
            FenceAgentsCommand.execute(type, "--action=metadata");
        }
        for (String type : List.of("ipmi", "helper", "meatware", "chain")) {
            ExternalPlugin.execute(type, "status");
        }
        FenceAgentsCommand.execute("ipmi", "--action=status", "--plug=pm02", "--ip=127.0.0.1", "--ipport=" + port,
                "--username=admin", "--password-env=FENCE4J_BMC_PASSWORD", "--timeout=10");
        FenceAgentsCommand.execute("chain", "--action=status", "--plug=pm02", "--config=" + config, "--timeout=30");
        System.out.flush();
        // System.exit, not return: the archive is written at exit, whatever threads an agent left behind
        System.exit(0);
    }
}
