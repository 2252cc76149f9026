package org.fence4j.agents.protocol.fenceagents;

import java.util.List;
import java.util.Locale;
import org.fence4j.agents.protocol.Troff;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsParameters.Entry;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterType;

/** {@code --help} and the man page of a fence_* agent, from the same declarations as its metadata. */
final class FenceAgentsDocs {
    private static final int OPTION_COLUMN = 31;

    private FenceAgentsDocs() {
    }

    /** fencing.py's usage layout: the option, then its description from column 32. */
    static String usage(String name, FenceAgentProvider provider) {
        StringBuilder out = new StringBuilder("Usage:\n\t").append(name).append(" [options]\nOptions:\n");
        for (Entry e : FenceAgentsParameters.primary(provider)) {
            String option = "   " + e.getopt();
            out.append(option).append(" ".repeat(Math.max(1, OPTION_COLUMN + 3 - option.length())))
                    .append(e.spec().shortDescription()).append(defaultOf(e))
                    .append(e.spec().secret() && e.spec().isNamed(e.name()) ? " (stdin only)" : "").append('\n');
        }
        out.append("\nActions: ").append(String.join(", ", Request.words(provider)))
                .append(".\nSecrets are never taken from the command line: give them on stdin (name=value lines)")
                .append(" or as NAME_file, NAME_env or NAME_script.\n");
        return out.toString();
    }

    /** A troff man page in section 8, as fence-agents install theirs. */
    static String manPage(String name, FenceAgentProvider provider) {
        AgentInfo info = provider.info();
        StringBuilder m = new StringBuilder();
        m.append(".TH ").append(Troff.escape(name.toUpperCase(Locale.ROOT))).append(" 8 \"\" \"fence4j\" \"fence4j manual\"\n")
                .append(".SH NAME\n").append(Troff.escape(name)).append(" \\- ").append(Troff.escape(info.name()))
                .append("\n.SH SYNOPSIS\n.B ").append(Troff.escape(name)).append("\n[\\fIOPTIONS\\fR]\n.br\n.B ")
                .append(Troff.escape(name)).append("\n< \\fINAME=VALUE lines\\fR\n")
                .append(".SH DESCRIPTION\n").append(Troff.escape(info.description().replace('\n', ' '))).append('\n')
                .append(".P\nWith options it runs them; without, it reads \\fIname\\fR=\\fIvalue\\fR lines on stdin, as")
                .append(" Pacemaker's fencer writes them. Secrets (passwords, keys) are never taken from the command")
                .append(" line: give them on stdin or as \\fINAME\\fR_file, \\fINAME\\fR_env or \\fINAME\\fR_script.\n")
                .append(".SH PARAMETERS\n");
        List<Entry> all = FenceAgentsParameters.of(provider);
        for (Entry e : FenceAgentsParameters.primary(provider)) {
            List<String> older = all.stream().filter(o -> o.deprecated() && o.spec() == e.spec()).map(Entry::name).toList();
            m.append(".TP\n.B ").append(Troff.escape(e.getopt())).append('\n')
                    .append(Troff.escape(e.spec().longDescription() + defaultOf(e)
                            + (e.required() ? " (required)" : "")))
                    .append("\nOn stdin: \\fB").append(Troff.escape(e.name())).append("\\fR")
                    .append(older.isEmpty() ? "" : Troff.escape(" (also accepted, deprecated: " + String.join(", ", older) + ")"))
                    .append('\n');
        }
        m.append(".SH ACTIONS\n");
        for (String action : Request.words(provider)) {
            m.append(".TP\n.B ").append(Troff.escape(action)).append('\n').append(Troff.escape(describe(action))).append('\n');
        }
        m.append(".SH EXIT STATUS\n0 success (for status: the node is on); 1 failure; 2 status: the node is off.\n")
                .append(".SH SEE ALSO\n.BR fence-cli (1),\n.BR stonith_admin (8),\n.BR pcs (8)\n");
        return m.toString();
    }

    /** The default of a parameter that takes a value; a flag's (off) goes without saying. */
    private static String defaultOf(Entry e) {
        return e.spec().defaultValue() == null || e.spec().secret() || e.spec().type() == ParameterType.BOOLEAN ? ""
                : " (Default: " + e.spec().defaultValue() + ")";
    }

    private static String describe(String action) {
        return switch (action) {
            case "on" -> "Power the node on.";
            case "off" -> "Fence the node by powering it off; success only once it is confirmed off.";
            case "reboot" -> "Fence the node by reboot; success only once it is confirmed fenced.";
            case "status" -> "Read the power state: exit 0 on, 2 off (the node is the plug, if any).";
            case "list" -> "List the nodes this device fences.";
            case Request.LIST_STATUS -> "List the nodes with their power state.";
            case "monitor" -> "Check that the device answers.";
            case "metadata" -> "Print the agent's XML metadata.";
            case "manpage" -> "Print the metadata, as fence-agents' man page build reads it.";
            case "validate-all" -> "Check the parameters without contacting the device.";
            default -> "";
        };
    }
}
