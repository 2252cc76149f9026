package org.fence4j.agents.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.FenceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Reads and checks the whole configuration without touching any device. */
@Command(name = "validate", description = "Check the configuration (every device's parameters, every chain)"
        + " without contacting any device.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    FenceCli root;

    @Override
    public Integer call() throws ConfigException, IOException {
        Session session = new Session(root);
        FenceConfig config = session.config();
        if (session.options().json) {
            session.terminal().out().println(History.json(OrderedJson.object("config", config.source().toString(), "valid", true,
                    "targets", config.targets().size(), "devices", config.devices().size())));
        } else {
            session.terminal().out().println(config.source() + " is valid: " + config.targets().size() + " targets, "
                    + config.devices().size() + " devices.");
        }
        return ExitCodes.SUCCESS;
    }
}
