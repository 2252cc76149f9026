package org.fence4j.agents.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.protocol.Troff;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine;

/**
 * Writes fence-cli's bash completion and man page, both derived from the picocli model so they
 * never drift from --help, and the man pages of the fence_fence4j* agents (section 8), derived from
 * the agents' declarations as their metadata is. Run at build time: {@code Documentation OUTPUT_DIR}.
 */
public final class Documentation {
    private Documentation() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        CommandLine cli = FenceCli.commandLine(Terminal.system());
        AgentRegistry agents = AgentRegistry.load();
        Files.writeString(dir.resolve("fence-cli.bash"), Completion.bash(cli, agents.types()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("fence-cli.1"), manPage(cli.getCommandSpec()), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> page : FenceAgentsCommand.manPages(agents).entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** A troff man page in section 1. */
    static String manPage(CommandSpec root) {
        StringBuilder m = new StringBuilder();
        UsageMessageSpec usage = root.usageMessage();
        m.append(".TH FENCE-CLI 1 \"\" \"fence4j\" \"fence4j manual\"\n");
        m.append(".SH NAME\nfence-cli \\- ").append(Troff.escape(String.join(" ", usage.description()))).append('\n');
        m.append(".SH SYNOPSIS\n.B fence-cli\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        m.append(".SH OPTIONS\n");
        root.options().forEach(o -> option(m, o));
        m.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> sub : root.subcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            if (spec.name().equals("help")) {
                continue;
            }
            m.append(".SS ").append(sub.getKey());
            spec.positionalParameters().forEach(p -> m.append(' ').append(label(p)));
            m.append('\n').append(Troff.escape(String.join(" ", spec.usageMessage().description()))).append('\n');
            spec.options().stream().filter(o -> !o.inherited() && !o.usageHelp() && !o.versionHelp())
                    .forEach(o -> option(m, o));
        }
        m.append(".SH EXIT STATUS\n");
        usage.exitCodeList().forEach((code, text) -> m.append(".TP\n.B ").append(code.trim()).append('\n')
                .append(Troff.escape(text)).append('\n'));
        m.append(".SH ENVIRONMENT\n");
        for (String line : usage.footer()) {
            String[] parts = line.trim().split("\\s+", 2);
            m.append(".TP\n.B ").append(parts[0]).append('\n').append(Troff.escape(parts.length > 1 ? parts[1] : "")).append('\n');
        }
        m.append(".SH FILES\n.TP\n.I /etc/fence4j/fence4j.yaml\nthe configuration: devices, and the levels of each target\n")
                .append(".TP\n.I /var/lib/fence4j/history.jsonl\nthe request history, one JSON object per line\n");
        return m.toString();
    }

    private static void option(StringBuilder m, OptionSpec o) {
        m.append(".TP\n.B ").append(Troff.escape(String.join(", ", o.names())));
        if (o.arity().max() > 0) {
            m.append(" \\fI").append(Troff.escape(o.paramLabel())).append("\\fR");
        }
        m.append('\n').append(Troff.escape(String.join(" ", o.description()).replace("${DEFAULT-VALUE}",
                String.valueOf(o.defaultValue())))).append('\n');
    }

    private static String label(PositionalParamSpec p) {
        String l = "\\fI" + Troff.escape(p.paramLabel()) + "\\fR";
        return p.arity().min() == 0 ? "[" + l + "]" : l;
    }
}
