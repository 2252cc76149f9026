package org.fence4j.agents.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.YamlNode.Entry;
import org.fence4j.agents.config.YamlNode.Mapping;
import org.fence4j.agents.config.YamlNode.Scalar;
import org.fence4j.agents.config.YamlNode.Sequence;
import org.fence4j.agents.files.TrustedPath;
import org.fence4j.agents.files.UnixMode;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RawParameter;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads and validates the YAML configuration (its shape: README, Configuration). Every problem is
 * reported with file, line and key; all problems of a file are reported at once.
 */
public final class ConfigLoader {
    /** A constant, so that naming it (help texts) does not load the YAML machinery. */
    public static final String DEFAULT_FILE = "/etc/fence4j/fence4j.yaml";
    public static final Path DEFAULT_PATH = Path.of(DEFAULT_FILE);
    public static final String CONFIG_VARIABLE = "FENCE4J_CONFIG";
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/fence4j");
    /** The agent type of a whole chain as one device: never a level of a chain itself. */
    public static final String WHOLE_CHAIN_TYPE = "chain";
    /** Overrides state_dir, for tests and demos. */
    public static final String STATE_DIR_VARIABLE = "FENCE4J_STATE_DIR";

    /**
     * The state directory: {@code $FENCE4J_STATE_DIR} if set, else {@code configured} (a fence4j.yaml's
     * state_dir, or {@link #DEFAULT_STATE_DIR} for a device called alone, which reads no configuration).
     */
    public static Path stateDir(UnaryOperator<String> environment, Path configured) {
        String fromEnvironment = environment.apply(STATE_DIR_VARIABLE);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment) : configured;
    }
    public static final Duration DEFAULT_LEVEL_TIMEOUT = Duration.ofSeconds(60);
    /** Target names become file names (locks): keep them to what node names are. */
    public static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private static final List<String> TOP_KEYS = List.of("devices", "targets", "state_dir");
    private static final List<String> DEVICE_KEYS = List.of("agent", "params");
    private static final List<String> TARGET_KEYS = List.of("levels");
    private static final List<String> LEVEL_KEYS = List.of("device", "timeout");

    private final AgentRegistry registry;
    private final UnaryOperator<String> environment;

    public ConfigLoader(AgentRegistry registry, UnaryOperator<String> environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /** The file to read: the option if given, else $FENCE4J_CONFIG, else the default path. */
    public static Path locate(Path option, UnaryOperator<String> environment) {
        if (option != null) {
            return option;
        }
        String fromEnv = environment.apply(CONFIG_VARIABLE);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_PATH : Path.of(fromEnv);
    }

    public FenceConfig load(Path file) throws ConfigException {
        YamlNode root = parse(file);
        return new Reading(file).config(root);
    }

    /**
     * The target names of a file, in its order, without validating devices or reading secrets: for
     * bash completion by an operator who cannot read the password files.
     */
    public static List<String> targetNames(Path file) throws ConfigException {
        if (parse(file) instanceof YamlNode.Mapping top && top.entries().get("targets") != null
                && top.entries().get("targets").value() instanceof YamlNode.Mapping targets) {
            return List.copyOf(targets.entries().keySet());
        }
        return List.of();
    }

    /** What a configuration may weigh: thousands of nodes fit, a file written by mistake does not. */
    private static final long MOST_BYTES = 4L * 1024 * 1024;

    private static YamlNode parse(Path file) throws ConfigException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name + (Files.exists(file) ? ": not a regular file (a directory, device or FIFO)"
                    : ": no such configuration file") + "; expected a YAML file (given by --config, " + CONFIG_VARIABLE
                    + " or at " + DEFAULT_PATH + ")");
        }
        String text;
        try {
            // whoever could change the configuration would decide which BMC fences which node, and with
            // what credentials
            Optional<TrustedPath.Untrusted> untrusted = TrustedPath.check(file, true);
            if (untrusted.isPresent()) {
                throw new ConfigException(untrusted.get().describe("configuration", file));
            }
            if (Files.size(file) > MOST_BYTES) {
                throw new ConfigException(name + ": larger than " + MOST_BYTES / 1024 / 1024
                        + " MiB; expected a fence4j configuration");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(name + ": not UTF-8 text; expected a YAML file in UTF-8");
        } catch (AccessDeniedException e) {
            throw new ConfigException(name + ": cannot read the configuration: permission denied: run it as root"
                    + " (or as the user that owns it)");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read the configuration ("
                    + e.getClass().getSimpleName() + "); expected a readable file");
        }
        try {
            YamlNode root = YamlNode.firstDocument(text);
            if (root == null) {
                throw new ConfigException(name + ": the configuration is empty; expected 'devices' and 'targets'");
            }
            return root;
        } catch (YamlNode.DuplicateKeyException e) {
            throw new ConfigException(name + ":" + e.line + ": " + e.key + ": given twice (first on line "
                    + e.firstLine + "); expected each key once");
        } catch (YamlNode.UnusableYamlException e) {
            throw new ConfigException(name + ":" + e.line + ": not valid YAML (" + e.getMessage() + ")");
        } catch (MarkedYAMLException e) {
            throw new ConfigException(name + ":" + notValid(e, text));
        } catch (ReaderException e) {
            throw new ConfigException(name + ":" + lineAt(text, e.getPosition()) + ": not valid YAML ("
                    + withoutContent(firstLine(e.getMessage())) + ")");
        } catch (YAMLException e) {
            throw new ConfigException(name + ": not valid YAML (" + withoutContent(firstLine(e.getMessage())) + ")");
        }
    }

    /**
     * "LINE: not valid YAML (what failed: where it was found)": from the parts of SnakeYAML's
     * message, not the message itself, which quotes the file (secrets included). LINE is the line
     * of the mistake where the marks tell it: a line at the wrong indentation is SnakeYAML's
     * problem mark, not the block it interrupts (its context mark); a key without its ':' is its
     * own line, not the next.
     */
    private static String notValid(MarkedYAMLException e, String text) {
        Mark problemAt = e.getProblemMark();
        int problemLine = problemAt == null ? 0 : problemAt.getLine() + 1;
        String problem = e.getProblem() == null ? "invalid YAML" : withoutContent(e.getProblem());
        if (RunOnValue.PROBLEM.equals(e.getProblem())) {
            int key = RunOnValue.bareKeyLine(text);
            if (key > 0 && key < problemLine) {
                return key + ": not valid YAML (a ':' missing after the key on this line: " + problem + " on line "
                        + problemLine + ")";
            }
        }
        if (e.getContext() == null || e.getContextMark() == null) {
            return problemLine + ": not valid YAML (" + problem + ")";
        }
        int line = e.getContextMark().getLine() + 1;
        if (problem.startsWith(BLOCK_END) && problemLine != line) {
            return problemLine + ": not valid YAML (indented unlike the lines above it: "
                    + withoutContent(e.getContext()) + " on line " + line + ": " + problem + ")";
        }
        return line + ": not valid YAML (" + withoutContent(e.getContext()) + ": " + problem
                + (problemLine == line ? "" : " on line " + problemLine) + ")";
    }

    /** SnakeYAML's problem when a line is at an indentation that neither continues nor closes the block. */
    private static final String BLOCK_END = "expected <block end>";

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern CHARACTER = Pattern.compile("character \\S+\\(\\d+\\)");
    private static final Pattern TAG_HANDLE = Pattern.compile("tag handle \\S+");
    private static final Pattern BUT_FOUND = Pattern.compile("but found:? (?!')\\S.*$");

    /**
     * SnakeYAML's problem without the file's content, which may be a secret's: "found unknown escape
     * character q(113)", "but found: ZZZZ", "while scanning an alias 'pw'". Its token names
     * ('<block end>') and single punctuation characters (',') stay.
     */
    static String withoutContent(String problem) {
        String p = QUOTED.matcher(problem).replaceAll(m -> isYamls(m.group(1)) ? Matcher.quoteReplacement(m.group())
                : "'...'");
        p = CHARACTER.matcher(p).replaceAll("character");
        p = TAG_HANDLE.matcher(p).replaceAll("tag handle");
        return BUT_FOUND.matcher(p).replaceAll("but found something else");
    }

    private static boolean isYamls(String quoted) {
        return quoted.startsWith("<") || quoted.length() == 1 && !Character.isLetterOrDigit(quoted.charAt(0));
    }

    private static String firstLine(String message) {
        return message == null ? "invalid YAML" : message.lines().findFirst().orElse("invalid YAML");
    }

    /** The line (from 1) of character {@code position} of {@code text}. */
    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The state of reading one file: its name, whether inline secrets are allowed, the problems. */
    private final class Reading {
        private final Path file;
        private final String name;
        private final List<String> problems = new ArrayList<>();
        /** Every device name written under 'devices', also those with errors (already reported). */
        private final Set<String> declaredDevices = new java.util.TreeSet<>();
        private Boolean privateFile;

        Reading(Path file) {
            this.file = file;
            this.name = file.toString();
        }

        FenceConfig config(YamlNode root) throws ConfigException {
            Mapping top = mapping(root, "(top level)", "a mapping with 'devices' and 'targets'");
            Map<String, Device> devices = new LinkedHashMap<>();
            Map<String, FenceConfig.Target> targets = new LinkedHashMap<>();
            Path stateDir = DEFAULT_STATE_DIR;
            if (top != null) {
                checkKeys(top, "", TOP_KEYS);
                Entry stateEntry = top.entries().get("state_dir");
                if (stateEntry != null) {
                    String dir = scalar(stateEntry.value(), "state_dir", "a directory path");
                    if (dir != null) {
                        stateDir = Path.of(dir);
                    }
                }
                Entry devicesEntry = require(top, "devices", "", "the fencing devices by name");
                if (devicesEntry != null) {
                    readDevices(devicesEntry, devices);
                }
                Entry targetsEntry = require(top, "targets", "", "the targets by node name, each with its levels");
                if (targetsEntry != null) {
                    readTargets(targetsEntry, devices, targets);
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new FenceConfig(file, stateDir(environment, stateDir), devices, targets);
        }

        private void readDevices(Entry entry, Map<String, Device> devices) {
            Mapping all = mapping(entry.value(), "devices", "a mapping of device names to devices");
            if (all == null) {
                return;
            }
            declaredDevices.addAll(all.entries().keySet());
            for (Entry d : all.entries().values()) {
                String path = "devices." + d.key();
                Mapping device = mapping(d.value(), path, "a mapping with 'agent' and 'params'");
                if (device == null) {
                    continue;
                }
                checkKeys(device, path + ".", DEVICE_KEYS);
                Entry agentEntry = require(device, "agent", path + ".", "the agent type");
                String type = agentEntry == null ? null : scalar(agentEntry.value(), path + ".agent", "an agent type");
                if (type == null) {
                    continue;
                }
                FenceAgentProvider provider;
                try {
                    provider = registry.require(type);
                } catch (ParameterException e) {
                    problems.add(at(agentEntry.line()) + path + ".agent: " + e.getMessage());
                    continue;
                }
                if (provider.type().equals(WHOLE_CHAIN_TYPE)) {
                    problems.add(at(agentEntry.line()) + path + ".agent: a whole chain cannot be a level of a chain;"
                            + " expected a device agent type");
                    continue;
                }
                readDevice(d.key(), d.line(), provider, device.entries().get("params"))
                        .ifPresent(dev -> devices.put(d.key(), dev));
            }
        }

        private java.util.Optional<Device> readDevice(String deviceName, int line, FenceAgentProvider provider,
                Entry paramsEntry) {
            String path = "devices." + deviceName + ".params";
            List<RawParameter> raw = new ArrayList<>();
            if (paramsEntry != null) {
                Mapping params = mapping(paramsEntry.value(), path, "a mapping of parameter names to values");
                if (params == null) {
                    return java.util.Optional.empty();
                }
                for (Entry p : params.entries().values()) {
                    String value = paramValue(p, path);
                    if (value == null) {
                        continue;
                    }
                    if (isInlineSecret(provider, p.key()) && !isPrivateFile()) {
                        problems.add(at(p.line()) + path + "." + p.key() + ": a secret written inline needs a"
                                + " configuration file that group and others cannot read (chmod 600 " + name
                                + "); else write " + p.key() + "_file: PATH or " + p.key() + "_env: VARIABLE");
                        continue;
                    }
                    raw.add(new RawParameter(p.key(), value, new Origin(at(p.line()) + path, false)));
                }
            }
            String where = at(paramsEntry == null ? line : paramsEntry.line()) + path;
            try {
                // secrets are read when a request uses the device (Device.open), or by validate
                DeclaredParameters parameters = DeclaredParameters.declare(provider.parameters(), raw,
                        DeclaredParameters.Unknown.REJECT, environment);
                return java.util.Optional.of(new Device(deviceName, provider, parameters, where));
            } catch (ParameterException e) {
                e.problems().forEach(p -> problems.add(p.startsWith(name) ? p : where + ": " + p));
                return java.util.Optional.empty();
            }
        }

        /** A parameter value: a scalar, or a list of scalars joined by spaces (address lists). */
        private String paramValue(Entry p, String path) {
            if (p.value() instanceof Sequence seq && seq.items().stream().allMatch(i -> i instanceof Scalar)) {
                return seq.items().stream().map(i -> ((Scalar) i).text()).collect(Collectors.joining(" "));
            }
            return scalar(p.value(), path + "." + p.key(), "a value (text, number, yes/no or a list of them)");
        }

        private void readTargets(Entry entry, Map<String, Device> devices, Map<String, FenceConfig.Target> targets) {
            Mapping all = mapping(entry.value(), "targets", "a mapping of node names to their levels");
            if (all == null) {
                return;
            }
            if (all.entries().isEmpty()) {
                problems.add(at(entry.line()) + "targets: no target configured; expected at least one node");
            }
            for (Entry t : all.entries().values()) {
                String path = "targets." + t.key();
                if (!TARGET_NAME.matcher(t.key()).matches()) {
                    problems.add(at(t.line()) + path + ": '" + t.key() + "' is not a node name; expected letters,"
                            + " digits, '.', '_' or '-'");
                    continue;
                }
                Mapping target = mapping(t.value(), path, "a mapping with 'levels'");
                if (target == null) {
                    continue;
                }
                checkKeys(target, path + ".", TARGET_KEYS);
                Entry levelsEntry = require(target, "levels", path + ".", "the levels in priority order");
                if (levelsEntry == null) {
                    continue;
                }
                List<FenceConfig.Level> levels = readLevels(levelsEntry, path + ".levels", devices);
                if (levels != null) {
                    targets.put(t.key(), new FenceConfig.Target(t.key(), levels));
                }
            }
        }

        private List<FenceConfig.Level> readLevels(Entry entry, String path, Map<String, Device> devices) {
            if (!(entry.value() instanceof Sequence seq)) {
                problems.add(at(entry.line()) + path + ": expected a list of levels such as"
                        + " '- { device: ipmi-pm02, timeout: 60s }'");
                return null;
            }
            if (seq.items().isEmpty()) {
                problems.add(at(entry.line()) + path + ": the chain is empty; expected at least one level");
                return null;
            }
            List<FenceConfig.Level> levels = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                String levelPath = path + "[" + (i + 1) + "]";
                Mapping level = mapping(seq.items().get(i), levelPath, "a mapping with 'device' and 'timeout'");
                if (level == null) {
                    continue;
                }
                checkKeys(level, levelPath + ".", LEVEL_KEYS);
                Entry deviceEntry = require(level, "device", levelPath + ".", "the name of a device under 'devices'");
                String deviceName = deviceEntry == null ? null
                        : scalar(deviceEntry.value(), levelPath + ".device", "a device name");
                Duration timeout = DEFAULT_LEVEL_TIMEOUT;
                Entry timeoutEntry = level.entries().get("timeout");
                if (timeoutEntry != null) {
                    String text = scalar(timeoutEntry.value(), levelPath + ".timeout", Durations.EXPECTED);
                    timeout = text == null ? null : Durations.parse(text).filter(d -> !d.isZero()).orElse(null);
                    if (text != null && timeout == null) {
                        problems.add(at(timeoutEntry.line()) + levelPath + ".timeout: expected " + Durations.EXPECTED
                                + " (more than zero), got '" + text + "'");
                    }
                }
                if (deviceName == null || timeout == null) {
                    continue;
                }
                Device device = devices.get(deviceName);
                if (device == null) {
                    if (!declaredDevices.contains(deviceName)) {
                        problems.add(at(deviceEntry.line()) + levelPath + ".device: no device named '" + deviceName
                                + "'; expected one of: " + String.join(", ", declaredDevices));
                    }
                    continue;
                }
                levels.add(new FenceConfig.Level(i + 1, device, timeout));
            }
            return levels.size() == seq.items().size() ? levels : null;
        }

        private boolean isInlineSecret(FenceAgentProvider provider, String key) {
            for (ParameterSpec spec : provider.parameters()) { // a loop: this runs for every parameter of every device
                if (spec.secret() && spec.isNamed(key)) {
                    return true;
                }
            }
            return false;
        }

        /** Inline secrets are allowed only in a file its owner alone can read, as a secret file ({@link UnixMode}). */
        private boolean isPrivateFile() {
            if (privateFile == null) {
                try {
                    privateFile = UnixMode.isPrivate((Integer) Files.getAttribute(file, "unix:mode"));
                } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                    privateFile = false;
                }
            }
            return privateFile;
        }

        private Mapping mapping(YamlNode node, String path, String expected) {
            if (node instanceof Mapping m) {
                return m;
            }
            problems.add(at(node.line()) + path + ": expected " + expected);
            return null;
        }

        private String scalar(YamlNode node, String path, String expected) {
            if (node instanceof Scalar s && s.text() != null) {
                return s.text();
            }
            problems.add(at(node.line()) + path + ": expected " + expected
                    + (node instanceof Scalar ? ", got nothing" : ", got a " + (node instanceof Mapping ? "mapping" : "list")));
            return null;
        }

        private Entry require(Mapping m, String key, String prefix, String meaning) {
            Entry e = m.entries().get(key);
            if (e == null) {
                problems.add(at(m.line()) + prefix + key + ": missing; expected " + meaning);
            }
            return e;
        }

        private void checkKeys(Mapping m, String prefix, List<String> allowed) {
            for (Entry e : m.entries().values()) {
                if (!allowed.contains(e.key())) {
                    problems.add(at(e.line()) + prefix + e.key() + ": unknown key"
                            + CloseMatch.didYouMean(e.key(), allowed) + "; expected one of: "
                            + String.join(", ", allowed));
                }
            }
        }

        private String at(int line) {
            return name + ":" + line + ": ";
        }
    }
}
