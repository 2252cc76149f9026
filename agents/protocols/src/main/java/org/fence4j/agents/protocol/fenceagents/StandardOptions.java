package org.fence4j.agents.protocol.fenceagents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fence4j.agents.protocol.Timeouts;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RefusedParameter;

/**
 * The options every fence_* agent takes besides its device parameters, declared once like an
 * agent's own: they drive parsing, validation, --help, the man page and the metadata Pacemaker
 * and pcs read.
 */
final class StandardOptions {
    static final String ACTION = "action";
    static final String PLUG = "plug";
    static final String NODENAME = "nodename";
    static final String DELAY = "delay";
    static final String TIMEOUT = Timeouts.PARAMETER.name();
    static final String QUIET = "quiet";
    static final String VERBOSE = "verbose";
    static final String VERBOSE_LEVEL = "verbose_level";
    static final String DEBUG_FILE = "debug_file";
    static final String VERSION = "version";
    static final String HELP = "help";

    /** Shown first in metadata, as fencing.py orders it. */
    static final ParameterSpec ACTION_SPEC = ParameterSpec.string(ACTION, "Fencing action")
            .withLongDescription("Fencing action: on, off, reboot, status, list, list-status, monitor, metadata,"
                    + " manpage or validate-all.")
            .withDefault("reboot").asRequired().withAliases("option");

    /** Shown after the agent's parameters. */
    static final List<ParameterSpec> TRAILING = List.of(
            ParameterSpec.string(PLUG, "Node to act on").withLongDescription(
                    "Node to act on, as this device knows it; when not given, nodename is used.").withAliases("port"),
            ParameterSpec.string(NODENAME, "Name of the node to be fenced").withLongDescription(
                    "Name of the node to be fenced, as Pacemaker passes it; the target when no plug is given."),
            PortAsIp.SPEC,
            ParameterSpec.seconds(DELAY, "Wait X seconds before fencing is started").withDefault("0"),
            Timeouts.PARAMETER,
            ParameterSpec.bool(QUIET, "Disable logging to stderr").withLongDescription(
                    "Disable warnings on stderr; errors are still reported.").withDefault("0"),
            ParameterSpec.bool(VERBOSE, "Verbose mode").withLongDescription("Verbose mode: fence4j's log on stderr from"
                    + " INFO (-vv and more: DEBUG). Multiple -v flags can be stacked on the command line.").withDefault("0"),
            ParameterSpec.integer(VERBOSE_LEVEL, "Level of detail in the log").withLongDescription("Level of detail in"
                    + " the log: 1 INFO, 2 or more DEBUG. Defaults to the number of -v flags, or to 1 with verbose=1."),
            ParameterSpec.string(DEBUG_FILE, "Write debug information to given file").withLongDescription("Append"
                    + " fence4j's log, at DEBUG level, to the given file instead of stderr; errors still go to stderr.")
                    .withAliases("debug"),
            ParameterSpec.bool(VERSION, "Display version information and exit").withDefault("0"),
            ParameterSpec.bool(HELP, "Display help and exit").withDefault("0"));

    static final List<ParameterSpec> ALL = Stream.concat(Stream.of(ACTION_SPEC), TRAILING.stream()).toList();

    /**
     * The short options fencing.py gives every agent; an agent's parameters name their own letters
     * ({@link ParameterSpec#shortOption()}: fence_ipmilan's {@code -a} for ip). {@code -S} is the
     * password's script, wherever an agent has a password.
     */
    static final Map<Character, String> SHORT = Map.of(
            'o', ACTION, 'n', PLUG, 'q', QUIET, 'v', VERBOSE, 'D', DEBUG_FILE, 'V', VERSION, 'h', HELP,
            'S', "password_script");

    private StandardOptions() {
    }

    /** The parameter a letter names: a standard option, one of the agent's, or one it refuses. */
    static Optional<String> named(char letter, FenceAgentProvider provider) {
        return Optional.ofNullable(SHORT.get(letter))
                .or(() -> provider.parameters().stream().filter(p -> Character.valueOf(letter).equals(p.shortOption()))
                        .map(ParameterSpec::fenceAgentsPrimary).findFirst())
                .or(() -> provider.refused().stream().filter(r -> Character.valueOf(letter).equals(r.shortOption()))
                        .map(RefusedParameter::name).findFirst());
    }

    /** "-a, " for ip; "" for a name without a short option. */
    static String shortOption(ParameterSpec spec) {
        Optional<Character> letter = spec.shortOption() != null ? Optional.of(spec.shortOption())
                : SHORT.entrySet().stream().filter(e -> e.getValue().equals(spec.fenceAgentsPrimary()))
                        .map(Map.Entry::getKey).findFirst();
        return letter.map(c -> "-" + c + ", ").orElse("");
    }
}
