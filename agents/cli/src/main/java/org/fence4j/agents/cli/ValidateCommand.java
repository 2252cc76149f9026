package org.fence4j.agents.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;

/** Reads and checks the whole configuration without touching any device. */
final class ValidateCommand extends CliCommand {
    /** Each secret has its own bound (DeclaredParameters.SECRET_TIMEOUT); this bounds them all. */
    private static final Duration VALIDATE_LIMIT = Duration.ofMinutes(2);

    private final FenceCli root;

    ValidateCommand(FenceCli root) {
        super("Check the configuration (every device's parameters and secrets, every chain) without"
                + " contacting any device.");
        this.root = root;
    }

    @Override
    Set<String> requestOptions() {
        return Set.of(GlobalOptions.TIMEOUT);
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        Session session = new Session(root);
        boolean json = session.options().json();
        FenceConfig config;
        try {
            config = session.config();
            // a request reads only the secrets of the devices it uses; validate reads them all
            config.validate(Deadline.after(session.options().timeout() != null ? session.options().timeout()
                    : VALIDATE_LIMIT));
        } catch (ConfigException invalid) {
            if (!json) {
                throw invalid;
            }
            // a script reading stdout gets the problems, each as the text would name it
            session.terminal().out().println(History.json(OrderedJson.object("config",
                    session.configFile().toString(), "valid", false, "problems", invalid.problems())));
            return ExitCodes.USAGE;
        }
        if (json) {
            session.terminal().out().println(History.json(OrderedJson.object("config", config.source().toString(),
                    "valid", true, "targets", config.targets().size(), "devices", config.devices().size())));
        } else {
            session.terminal().out().println(config.source() + " is valid: " + config.targets().size() + " targets, "
                    + config.devices().size() + " devices.");
        }
        return ExitCodes.SUCCESS;
    }
}
