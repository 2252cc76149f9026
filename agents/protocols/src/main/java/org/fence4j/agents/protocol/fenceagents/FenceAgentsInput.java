package org.fence4j.agents.protocol.fenceagents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.config.DeclaredParameters;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.ParameterType;
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
    static FenceAgentsInput fromStdin(List<String> lines, FenceAgentProvider provider) {
        Builder in = new Builder(provider);
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
            Optional<String> refused = in.declaring(key).isPresent() ? Optional.empty()
                    : RefusedOptions.reason(key, in.provider);
            if (refused.isPresent()) {
                in.errors.add("line " + (i + 1) + ": " + key + ": not supported: " + refused.get());
            } else if (!in.add(key, unquote(line.substring(eq + 1)), Origin.stdin(i + 1))) {
                in.warnings.add("Parse error: Ignoring unknown option '" + key + "'");
            }
        }
        return in.build();
    }

    /**
     * {@code --name=value}, {@code --name value}, {@code --flag}, and fencing.py's short options:
     * {@code -o reboot}, {@code -oreboot}, {@code -a 127.0.0.1}, stacked flags {@code -vvq} ({@code -v}
     * counted into verbose_level, as fencing.py does).
     */
    static FenceAgentsInput fromArgv(List<String> args, FenceAgentProvider provider) {
        Builder in = new Builder(provider);
        List<String> unused = new ArrayList<>();
        int verbose = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                String key = normalise(eq < 0 ? arg.substring(2) : arg.substring(2, eq));
                String value = eq < 0 ? null : arg.substring(eq + 1);
                i = option(in, "--" + longName(key), key, value, args, i);
                verbose += key.equals(StandardOptions.VERBOSE) ? 1 : 0;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                // letter by letter: flags may be stacked, and a value may follow its letter at once
                for (int c = 1; c < arg.length(); c++) {
                    String key = StandardOptions.named(arg.charAt(c), in.provider).orElse(null);
                    String shown = "-" + arg.charAt(c);
                    if (key == null) {
                        // only the option letter: "-pSECRET" is how fence_ipmilan users pass a password
                        in.errors.add("Parse error: option " + shown + " not recognized");
                        break;
                    }
                    Optional<ParameterSpec> spec = in.declaring(key);
                    boolean flag = spec.isPresent() && isFlag(spec.get(), key);
                    String value = flag || c + 1 == arg.length() ? null : arg.substring(c + 1);
                    i = option(in, shown, key, value, args, i);
                    verbose += key.equals(StandardOptions.VERBOSE) ? 1 : 0;
                    if (!flag) {
                        break;
                    }
                }
            } else {
                unused.add(arg);
            }
        }
        if (verbose > 1 && in.standard.stream().noneMatch(p -> p.key().equals(StandardOptions.VERBOSE_LEVEL))) {
            in.add(StandardOptions.VERBOSE_LEVEL, String.valueOf(verbose), Origin.argv());
        }
        if (!unused.isEmpty()) {
            in.warnings.add("Unused arguments on command line: " + unused.size());
        }
        return in.build();
    }

    /** One option of the command line; returns the index of the last argument it used. */
    private static int option(Builder in, String shown, String key, String value, List<String> args, int i) {
        Optional<ParameterSpec> spec = in.declaring(key);
        if (spec.isEmpty()) {
            in.errors.add(RefusedOptions.reason(key, in.provider).map(why -> shown + ": not supported: " + why)
                    .orElse("Parse error: option " + shown + " not recognized"));
            return i;
        }
        if (spec.get().secret() && spec.get().isNamed(key)) {
            in.errors.add(shown + ": a secret is never taken from the command line (other users can read it in the"
                    + " process list); give --" + longName(key) + "-file=PATH, --" + longName(key) + "-env=VARIABLE or --"
                    + longName(key) + "-script=COMMAND, or pass " + key + "=... on stdin");
            return value == null && i + 1 < args.size() && !args.get(i + 1).startsWith("-") ? i + 1 : i;
        }
        if (value == null) {
            if (isFlag(spec.get(), key)) {
                value = "1";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                in.errors.add("Parse error: option " + shown + " requires argument");
                return i;
            }
        }
        in.add(key, value, Origin.argv());
        return i;
    }

    /** A boolean named directly takes no value on the command line. */
    private static boolean isFlag(ParameterSpec spec, String key) {
        return spec.type() == ParameterType.BOOLEAN && spec.isNamed(key);
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
        private final FenceAgentProvider provider;
        private final List<ParameterSpec> agentSpecs;
        private final List<RawParameter> standard = new ArrayList<>();
        private final List<RawParameter> agent = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        Builder(FenceAgentProvider provider) {
            this.provider = provider;
            this.agentSpecs = provider.parameters();
        }

        /** Standard options first: their names are reserved. */
        Optional<ParameterSpec> declaring(String key) {
            return DeclaredParameters.declaring(StandardOptions.ALL, key)
                    .or(() -> DeclaredParameters.declaring(agentSpecs, key));
        }

        /** False if nothing declares the key. */
        boolean add(String key, String value, Origin origin) {
            RawParameter raw = new RawParameter(key, value, origin);
            if (DeclaredParameters.declaring(StandardOptions.ALL, key).isPresent()) {
                standard.add(raw);
            } else if (DeclaredParameters.declaring(agentSpecs, key).isPresent()) {
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
