package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;

/** An agent's parameters, from its one declaration. */
final class MetadataCommand extends CliCommand {
    private final FenceCli root;
    private final Arg<String> agent = parameter(Completion.AGENT_LABEL, "1",
            "An agent type, e.g. ipmi, helper, meatware.");

    MetadataCommand(FenceCli root) {
        super("Describe an agent type and its parameters (the configuration schema of its 'params').");
        this.root = root;
    }

    @Override
    public Integer call() throws IOException, ConfigException {
        FenceAgentProvider provider;
        try {
            provider = AgentRegistry.load().require(agent.value());
        } catch (ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        PrintWriter out = root.terminal.out();
        if (root.global.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("agent", provider.type());
            doc.put("description", provider.info().name());
            doc.put("parameters", provider.parameters());
            out.println(History.json(doc));
            return ExitCodes.SUCCESS;
        }
        out.println(provider.type() + ": " + provider.info().name());
        provider.info().description().lines().forEach(l -> out.println("  " + l));
        out.println();
        out.println("Parameters (under 'params'):");
        for (ParameterSpec p : provider.parameters()) {
            out.println("  " + p.name() + describeKind(p));
            out.println("      " + p.shortDescription());
            if (!p.aliases().isEmpty()) {
                out.println("      also accepted as: " + String.join(", ", p.aliases()));
            }
            if (p.secret()) {
                out.println("      secret: give " + DeclaredParameters.secretForms(p)
                        + " (inline only in a file that group and others cannot read)");
            }
        }
        return ExitCodes.SUCCESS;
    }

    private static String describeKind(ParameterSpec p) {
        List<String> notes = new java.util.ArrayList<>();
        notes.add(p.type().xmlName() + (p.choices().isEmpty() ? "" : " " + String.join("|", p.choices())));
        if (p.required()) {
            notes.add("required");
        }
        if (p.defaultValue() != null) {
            notes.add("default " + p.defaultValue());
        }
        return "  (" + String.join(", ", notes) + ")";
    }
}
