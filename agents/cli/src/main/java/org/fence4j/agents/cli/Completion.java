package org.fence4j.agents.cli;

import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * fence-cli's bash completion: picocli's script for commands and options; for every TARGET
 * argument the target names of the configuration (the --config on the line, else the default),
 * read with {@code fence-cli list --names} when TAB is pressed, so that it follows the file; for
 * every AGENT argument the agent types installed when the script was made.
 */
final class Completion {
    static final String TARGET_LABEL = "TARGET";
    static final String AGENT_LABEL = "AGENT";
    private static final String NO_POSITIONALS = "local positionals=\"\"";
    private static final String TARGETS_FUNCTION = """

            # Target names of the configuration, for TARGET arguments: the --config given on the line, else
            # fence-cli's default ($FENCE4J_CONFIG, /etc/fence4j/fence4j.yaml). Nothing if it cannot be read:
            # a file only root may read (the usual one) starts no Java for a user who is not root.
            function _fence_cli_targets() {
              local config=${FENCE4J_CONFIG:-/etc/fence4j/fence4j.yaml} i next
              for ((i = 1; i < COMP_CWORD; i++)); do
                if [[ ${COMP_WORDS[i]} == --config ]]; then
                  next=$((i + 1))
                  [[ ${COMP_WORDS[next]} == = ]] && next=$((next + 1)) # bash splits --config=FILE at '='
                  config=${COMP_WORDS[next]}
                fi
              done
              [[ -r $config ]] || return 0
              fence-cli --config "$config" list --names 2>/dev/null
            }
            """;

    private Completion() {
    }

    /** The script; {@code agentTypes} are offered after {@code metadata}. */
    static String bash(CommandLine cli, List<String> agentTypes) {
        String script = AutoComplete.bash("fence-cli", cli);
        String agents = "$'" + String.join("\\n", agentTypes) + "'";
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            if (takes(sub.getValue(), TARGET_LABEL)) {
                script = withPositionals(script, sub.getKey(), "$(_fence_cli_targets)");
            } else if (takes(sub.getValue(), AGENT_LABEL)) {
                script = withPositionals(script, sub.getKey(), agents);
            }
        }
        return script + TARGETS_FUNCTION;
    }

    /** The script with the words that {@code command}'s positional parameter completes to, a bash expression. */
    private static String withPositionals(String script, String command, String words) {
        String function = "function _picocli_fence-cli_" + command.replace("-", "") + "() {";
        int start = script.indexOf(function);
        int positionals = script.indexOf(NO_POSITIONALS, start);
        int end = script.indexOf("\n}\n", start);
        if (start < 0 || positionals < 0 || positionals > end) {
            throw new IllegalStateException("picocli's completion script changed shape near " + function);
        }
        return script.substring(0, positionals) + "local positionals=" + words
                + script.substring(positionals + NO_POSITIONALS.length());
    }

    private static boolean takes(CommandLine command, String label) {
        return command.getCommandSpec().positionalParameters().stream().map(PositionalParamSpec::paramLabel)
                .anyMatch(label::equals);
    }
}
