package org.fence4j.agents.protocol.fenceagents;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fence4j.agents.protocol.Timeouts;
import org.fence4j.agents.spi.ParameterSpec;

/**
 * The options every fence_* agent takes besides its device parameters, declared once like an
 * agent's own: they drive parsing, validation and the metadata Pacemaker and pcs read.
 */
final class StandardOptions {
    static final String ACTION = "action";
    static final String PLUG = "plug";
    static final String NODENAME = "nodename";
    static final String DELAY = "delay";
    static final String TIMEOUT = Timeouts.PARAMETER.name();
    static final String QUIET = "quiet";

    /** Shown first in metadata, as fencing.py orders it. */
    static final ParameterSpec ACTION_SPEC = ParameterSpec.string(ACTION, "Fencing action")
            .withLongDescription("Fencing action: on, off, reboot, status, list, list-status, monitor, metadata or validate-all.")
            .withDefault("reboot").asRequired().withAliases("option");

    /** Shown after the agent's parameters. */
    static final List<ParameterSpec> TRAILING = List.of(
            ParameterSpec.string(PLUG, "Node to act on").withLongDescription(
                    "Node to act on, as this device knows it; when not given, nodename is used.").withAliases("port"),
            ParameterSpec.string(NODENAME, "Name of the node to be fenced").withLongDescription(
                    "Name of the node to be fenced, as Pacemaker passes it; the target when no plug is given."),
            ParameterSpec.seconds(DELAY, "Wait X seconds before fencing is started").withDefault("0"),
            Timeouts.PARAMETER,
            ParameterSpec.bool(QUIET, "Disable logging to stderr").withLongDescription(
                    "Disable warnings on stderr; errors are still reported.").withDefault("0"));

    static final List<ParameterSpec> ALL = Stream.concat(Stream.of(ACTION_SPEC), TRAILING.stream()).toList();

    /** Short command-line options, as fence-agents spell them. */
    static final Map<Character, String> SHORT = Map.of('o', ACTION, 'n', PLUG, 'q', QUIET);

    private StandardOptions() {
    }

    static String shortOption(String name) {
        return SHORT.entrySet().stream().filter(e -> e.getValue().equals(name)).map(e -> "-" + e.getKey() + ", ")
                .findFirst().orElse("");
    }
}
