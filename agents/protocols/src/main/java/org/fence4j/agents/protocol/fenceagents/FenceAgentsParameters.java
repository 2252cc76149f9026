package org.fence4j.agents.protocol.fenceagents;

import java.util.ArrayList;
import java.util.List;
import org.fence4j.agents.protocol.ProtocolParameters;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterSpec;

/**
 * An agent's parameters as a fence_* agent shows them (metadata, --help, man page): the action,
 * the agent's own, then the standard options. Each parameter appears under its fence-agents name
 * ({@link ParameterSpec#fenceAgentsPrimary()}), which obsoletes one other name, and under every
 * other name it takes as a deprecated parameter, as fencing.py lists renamed options. So a
 * fence_ipmilan-style configuration uses only primary names, and an older one is still accepted.
 */
final class FenceAgentsParameters {
    /**
     * One name of a parameter.
     *
     * @param obsoletes for a primary name, the name it replaces (or null); for a deprecated one, null
     * @param required  shown as required: a primary name, not a secret (any of its sources will do), nor
     *                  the address plug may give (port_as_ip)
     */
    record Entry(String name, ParameterSpec spec, boolean deprecated, String obsoletes, boolean required) {
        /** fencing.py's getopt text: {@code -a, --ip=[ip]}; a deprecated name shows its replacement's. */
        String getopt() {
            String primary = spec.fenceAgentsPrimary();
            String option = StandardOptions.shortOption(spec) + "--" + primary.replace('_', '-');
            return switch (spec.type()) {
                case BOOLEAN -> option;
                case STRING -> option + "=[" + primary + "]";
                case INTEGER -> option + "=[number]";
                case SECONDS -> option + "=[seconds]";
                case SELECT -> option + "=[" + String.join("|", spec.choices()) + "]";
            };
        }
    }

    private FenceAgentsParameters() {
    }

    /** Every name, primary names first within each parameter. */
    static List<Entry> of(FenceAgentProvider provider) {
        List<Entry> entries = new ArrayList<>();
        for (ParameterSpec spec : shown(provider)) {
            List<String> others = others(spec);
            boolean required = spec.required() && !spec.secret() && !PortAsIp.isAddress(spec, provider);
            entries.add(new Entry(spec.fenceAgentsPrimary(), spec, false, others.isEmpty() ? null : others.get(0),
                    required));
            others.forEach(o -> entries.add(new Entry(o, spec, true, null, false)));
        }
        return entries;
    }

    /** The primary names only: what --help and the man page document. */
    static List<Entry> primary(FenceAgentProvider provider) {
        return of(provider).stream().filter(e -> !e.deprecated()).toList();
    }

    private static List<ParameterSpec> shown(FenceAgentProvider provider) {
        List<ParameterSpec> shown = new ArrayList<>();
        shown.add(StandardOptions.ACTION_SPEC);
        shown.addAll(ProtocolParameters.visible(provider.parameters()));
        // port_as_ip only where plug can stand for an ip
        StandardOptions.TRAILING.stream().filter(s -> s != PortAsIp.SPEC || PortAsIp.applies(provider))
                .forEach(shown::add);
        return shown;
    }

    /**
     * The names other than the primary one: fence-agents' own older names first (fence_ipmilan's
     * login before fence4j's userid), so that the primary obsoletes the name fence-agents retired.
     */
    static List<String> others(ParameterSpec spec) {
        String primary = spec.fenceAgentsPrimary();
        List<String> others = new ArrayList<>(spec.aliases());
        others.remove(primary);
        if (!spec.name().equals(primary)) {
            others.add(spec.name());
        }
        return others;
    }
}
