package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.FenceConfig;

/** The configured targets and the devices of their levels. */
final class ListCommand extends CliCommand {
    private final FenceCli root;
    private final Arg<Boolean> names = flag("--names", "Print only the target names, one a line, without checking"
            + " the devices (needs no access to their secrets; bash completion uses it).");

    ListCommand(FenceCli root) {
        super("List the configured targets, each with its levels in order.");
        this.root = root;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (names.value()) {
            ConfigLoader.targetNames(ConfigLoader.locate(root.global.config(), root.environment()))
                    .forEach(root.terminal.out()::println);
            return ExitCodes.SUCCESS;
        }
        Session session = new Session(root);
        PrintWriter out = session.terminal().out();
        Map<String, FenceConfig.Target> targets = session.config().targets();
        if (session.options().json()) {
            Map<String, List<String>> devices = new LinkedHashMap<>();
            targets.forEach((name, t) -> devices.put(name, t.levels().stream().map(l -> l.device().name()).toList()));
            out.println(History.json(devices));
            return ExitCodes.SUCCESS;
        }
        targets.values().forEach(t -> out.println(t.name() + ": " + String.join(" -> ",
                t.levels().stream().map(l -> l.device().name() + " (" + l.device().agentType() + ")").toList())));
        return ExitCodes.SUCCESS;
    }
}
