package org.fence4j.agents.cli;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * fence-cli's bash completion: picocli's script for commands and options, and for every TARGET
 * argument the target names of the configuration (the --config on the line, else the default),
 * read with {@code fence-cli list --names} when TAB is pressed, so that it follows the file.
 */
final class Completion {
    static final String TARGET_LABEL = "TARGET";
    private static final String TARGETS_FUNCTION = """

            # Target names of the configuration, for TARGET arguments: the --config given on the line, else
            # fence-cli's default ($FENCE4J_CONFIG, /etc/fence4j/fence4j.yaml). Nothing if it cannot be read.
            function _fence_cli_targets() {
              local config=() i next
              for ((i = 1; i < COMP_CWORD; i++)); do
                if [[ ${COMP_WORDS[i]} == --config ]]; then
                  next=$((i + 1))
                  [[ ${COMP_WORDS[next]} == = ]] && next=$((next + 1)) # bash splits --config=FILE at '='
                  config=(--config "${COMP_WORDS[next]}")
                fi
              done
              fence-cli "${config[@]}" list --names 2>/dev/null
            }
            """;

    private Completion() {
    }

    static String bash(CommandLine cli) {
        String script = AutoComplete.bash("fence-cli", cli);
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            if (takesTarget(sub.getValue())) {
                String function = "function _picocli_fence-cli_" + sub.getKey().replace("-", "") + "() {";
                int start = script.indexOf(function);
                int positionals = script.indexOf("local positionals=\"\"", start);
                int end = script.indexOf("\n}\n", start);
                if (start < 0 || positionals < 0 || positionals > end) {
                    throw new IllegalStateException("picocli's completion script changed shape near " + function);
                }
                script = script.substring(0, positionals) + "local positionals=$(_fence_cli_targets)"
                        + script.substring(positionals + "local positionals=\"\"".length());
            }
        }
        return script + TARGETS_FUNCTION;
    }

    private static boolean takesTarget(CommandLine command) {
        return command.getCommandSpec().positionalParameters().stream().map(PositionalParamSpec::paramLabel)
                .anyMatch(TARGET_LABEL::equals);
    }
}
