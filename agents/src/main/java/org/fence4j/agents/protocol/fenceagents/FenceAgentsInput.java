package org.fence4j.agents.protocol.fenceagents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.ParameterType;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.RawParameter;

/**
 * Options as a fence_* agent receives them, sorted into the standard options and the agent's own.
 * Messages never contain a value: a mistyped key may carry a password.
 *
 * @param standard options of {@link StandardOptions}
 * @param agent    parameters the agent declares
 * @param warnings things ignored, as fencing.py warns about them
 * @param errors   input that cannot be used; the command must not run
 */
record FenceAgentsInput(List<RawParameter> standard, List<RawParameter> agent, List<String> warnings,
        List<String> errors) {

    /** {@code name=value} lines, as Pacemaker's fencer writes them to the agent's stdin. */
    static FenceAgentsInput fromStdin(List<String> lines, List<ParameterSpec> agentSpecs) {
        Builder in = new Builder(agentSpecs);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                in.warnings.add("Parse error: Ignoring line " + (i + 1) + ": expected name=value");
                continue;
            }
            String key = normalise(line.substring(0, eq));
            if (!in.add(key, unquote(line.substring(eq + 1)), Origin.stdin(i + 1))) {
                in.warnings.add("Parse error: Ignoring unknown option '" + key + "'");
            }
        }
        return in.build();
    }

    /** {@code --name=value}, {@code --name value}, {@code --flag}, {@code -o action}, {@code -n plug}, {@code -q}. */
    static FenceAgentsInput fromArgv(List<String> args, List<ParameterSpec> agentSpecs) {
        Builder in = new Builder(agentSpecs);
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String key;
            String value = null;
            if (arg.startsWith("--") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                key = normalise(eq < 0 ? arg.substring(2) : arg.substring(2, eq));
                value = eq < 0 ? null : arg.substring(eq + 1);
            } else if (arg.startsWith("-") && arg.length() > 1 && StandardOptions.SHORT.containsKey(arg.charAt(1))) {
                key = StandardOptions.SHORT.get(arg.charAt(1));
                value = arg.length() > 2 ? arg.substring(2) : null;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                // only the option letter: "-pSECRET" is how fence_ipmilan users pass a password
                in.errors.add("Parse error: option " + arg.substring(0, 2) + " not recognized");
                continue;
            } else {
                unused.add(arg);
                continue;
            }
            Optional<ParameterSpec> spec = in.declaring(key);
            if (spec.isEmpty()) {
                in.errors.add("Parse error: option --" + longName(key) + " not recognized");
                continue;
            }
            if (spec.get().secret() && spec.get().isNamed(key)) {
                in.errors.add("--" + longName(key) + ": a secret is never taken from the command line (other users"
                        + " can read it in the process list); give --" + longName(key) + "-file=PATH, --"
                        + longName(key) + "-env=VARIABLE or --" + longName(key) + "-script=COMMAND, or pass "
                        + key + "=... on stdin");
                continue;
            }
            if (value == null) {
                if (spec.get().type() == ParameterType.BOOLEAN && spec.get().isNamed(key)) {
                    value = "1";
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    in.errors.add("Parse error: option --" + longName(key) + " requires argument");
                    continue;
                }
            }
            in.add(key, value, Origin.argv());
        }
        if (!unused.isEmpty()) {
            in.warnings.add("Unused arguments on command line: " + unused.size());
        }
        return in.build();
    }

    /** Option names are parameter names with '-' for '_'; both spellings are accepted everywhere. */
    private static String normalise(String name) {
        return name.strip().replace('-', '_');
    }

    private static String longName(String key) {
        return key.replace('_', '-');
    }

    /** fencing.py strips one pair of surrounding double quotes. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static final class Builder {
        private final List<ParameterSpec> agentSpecs;
        private final List<RawParameter> standard = new ArrayList<>();
        private final List<RawParameter> agent = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        Builder(List<ParameterSpec> agentSpecs) {
            this.agentSpecs = agentSpecs;
        }

        /** Standard options first: their names are reserved. */
        Optional<ParameterSpec> declaring(String key) {
            return Parameters.declaring(StandardOptions.ALL, key).or(() -> Parameters.declaring(agentSpecs, key));
        }

        /** False if nothing declares the key. */
        boolean add(String key, String value, Origin origin) {
            RawParameter raw = new RawParameter(key, value, origin);
            if (Parameters.declaring(StandardOptions.ALL, key).isPresent()) {
                standard.add(raw);
            } else if (Parameters.declaring(agentSpecs, key).isPresent()) {
                agent.add(raw);
            } else {
                return false;
            }
            return true;
        }

        FenceAgentsInput build() {
            return new FenceAgentsInput(List.copyOf(standard), List.copyOf(agent), List.copyOf(warnings),
                    List.copyOf(errors));
        }
    }
}
