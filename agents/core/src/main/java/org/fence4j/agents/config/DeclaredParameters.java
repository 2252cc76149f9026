package org.fence4j.agents.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.ParameterType;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.spi.Secret;

/**
 * A device's parameters as given, checked against their declarations, defaults applied and the
 * source of each secret noted without reading it: the {@link Parameters} an agent is made from,
 * once {@link #withSecrets} has read the secrets.
 *
 * <p>A secret parameter {@code X} (or any alias of it) may be given as {@code X} (not on the
 * command line), {@code X_file} (first line of a regular file), {@code X_env} (an environment
 * variable) or {@code X_script} (first line of a command's output, as fence-agents'
 * password_script). {@link #declare} checks everything but reads no secret; {@link #withSecrets}
 * reads them when the device is about to be used, so that a configuration's other devices
 * (whose secrets may be missing or slow) never hold a request up.
 */
public final class DeclaredParameters {
    /** The suffixes that name where a secret {@code X} is read from: {@code X_file}, {@code X_env}, {@code X_script}. */
    public static final List<String> SECRET_SOURCES = List.of("_file", "_env", "_script");
    /** The longest one secret's file or script may take. */
    public static final Duration SECRET_TIMEOUT = Duration.ofSeconds(10);
    // compiled once: String.matches compiles its pattern on every call, for every device of a configuration
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL_SECONDS = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

    private final Map<String, String> values;
    private final Map<String, Secret> secrets;
    private final Map<String, Pending> pending;
    private final UnaryOperator<String> environment;

    private DeclaredParameters(Map<String, String> values, Map<String, Secret> secrets, Map<String, Pending> pending,
            UnaryOperator<String> environment) {
        // in declaration order, every run: Map.copyOf would iterate in a new order in each JVM
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        this.pending = Collections.unmodifiableMap(new LinkedHashMap<>(pending));
        this.environment = environment;
    }

    /** A secret given as X_file, X_env or X_script, or as a path ({@link ParameterSpec#pathWhen}), not read yet. */
    private record Pending(ParameterSpec spec, RawParameter raw, String source) {
    }

    /** The source of a secret whose own value is a path, by {@link ParameterSpec#pathWhen}. */
    private static final String PATH = "";

    /** The ways to give a secret parameter, for messages and help: "passwd_file, passwd_env or passwd_script". */
    public static String secretForms(ParameterSpec spec) {
        List<String> forms = SECRET_SOURCES.stream().map(suffix -> spec.name() + suffix).toList();
        return String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.get(forms.size() - 1);
    }

    /** Every key that names a parameter: each one's name; a secret's then NAME_file, NAME_env, NAME_script. */
    private static List<String> keys(List<ParameterSpec> specs) {
        List<String> keys = new ArrayList<>();
        for (ParameterSpec spec : specs) {
            keys.add(spec.name());
            if (spec.secret()) {
                SECRET_SOURCES.forEach(suffix -> keys.add(spec.name() + suffix));
            }
        }
        return keys;
    }

    /** What to do with a key that names no parameter. */
    public enum Unknown { REJECT, IGNORE }

    /** Resolves with the process environment. */
    public static Parameters resolve(List<ParameterSpec> specs, List<RawParameter> raw, Unknown unknown)
            throws ParameterException {
        return resolve(specs, raw, unknown, System::getenv);
    }

    /** {@link #resolve(List, List, Unknown, UnaryOperator, Deadline)} giving each secret {@link #SECRET_TIMEOUT}. */
    public static Parameters resolve(List<ParameterSpec> specs, List<RawParameter> raw,
            Unknown unknown, UnaryOperator<String> environment) throws ParameterException {
        return resolve(specs, raw, unknown, environment, null);
    }

    /**
     * {@link #declare} and {@link #withSecrets} at once, every problem of both together: for a
     * device that is used right away, its secrets read by {@code secretsBy} (null: each secret's own
     * {@link #SECRET_TIMEOUT}).
     */
    public static Parameters resolve(List<ParameterSpec> specs, List<RawParameter> raw,
            Unknown unknown, UnaryOperator<String> environment, Deadline secretsBy) throws ParameterException {
        List<String> problems = new ArrayList<>();
        DeclaredParameters declared = declare(specs, raw, unknown, environment, problems);
        Parameters complete = declared.readSecrets(secretsBy != null ? secretsBy
                : Deadline.after(SECRET_TIMEOUT.multipliedBy(Math.max(1, declared.pending.size()))), problems);
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return complete;
    }

    /**
     * Checks every value and notes where each secret comes from, without reading any: every
     * problem at once, each naming its origin, key and what was expected.
     */
    public static DeclaredParameters declare(List<ParameterSpec> specs, List<RawParameter> raw,
            Unknown unknown, UnaryOperator<String> environment) throws ParameterException {
        List<String> problems = new ArrayList<>();
        DeclaredParameters declared = declare(specs, raw, unknown, environment, problems);
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return declared;
    }

    /** What can be taken of {@code raw}, adding every problem to {@code problems}. */
    private static DeclaredParameters declare(List<ParameterSpec> specs, List<RawParameter> raw,
            Unknown unknown, UnaryOperator<String> environment, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        Map<String, Pending> pending = new LinkedHashMap<>();
        Map<String, RawParameter> seen = new LinkedHashMap<>();
        for (RawParameter p : raw) {
            Optional<Match> match = match(specs, p.key());
            if (match.isEmpty()) {
                if (unknown == Unknown.REJECT) {
                    List<String> keys = keys(specs);
                    problems.add(p.origin() + ": unknown parameter '" + p.key() + "'"
                            + CloseMatch.didYouMean(p.key(), keys) + "; expected one of: " + String.join(", ", keys));
                }
                continue;
            }
            ParameterSpec spec = match.get().spec();
            String source = match.get().source();
            RawParameter earlier = seen.putIfAbsent(spec.name(), p);
            if (earlier != null) {
                // ip and ipaddr with one address (fence_ipmilan takes both): the same value, said twice
                boolean same = earlier.value().equals(p.value()) && match(specs, earlier.key()).orElseThrow()
                        .source().equals(source);
                if (!same) {
                    problems.add(p.origin() + ": parameter '" + p.key() + "' is already given as '"
                            + earlier.key() + "' (" + earlier.origin() + ") with another value; give it once");
                }
                continue;
            }
            if (!spec.secret()) {
                Optional<String> problem = check(spec, p);
                if (problem.isPresent()) {
                    problems.add(problem.get());
                } else {
                    values.put(spec.name(), canonical(spec, p.value()));
                }
            } else if (!source.isEmpty()) {
                pending.put(spec.name(), new Pending(spec, p, source));
            } else if (p.origin().commandLine()) {
                problems.add(p.origin() + ": " + p.key() + ": a secret is never taken from the command line (other"
                        + " users can read it in the process list); give " + p.key() + "_file=PATH or " + p.key()
                        + "_env=VARIABLE, or pass it on stdin");
            } else {
                secrets.put(spec.name(), Secret.of(p.value()));
            }
        }
        for (ParameterSpec spec : specs) {
            if (seen.containsKey(spec.name())) {
                continue;
            }
            if (spec.defaultValue() != null && !spec.secret()) {
                values.put(spec.name(), spec.defaultValue());
            } else if (spec.required()) {
                problems.add("missing required parameter '" + spec.name() + "'"
                        + (spec.aliases().isEmpty() ? "" : " (also accepted as " + String.join(", ", spec.aliases()) + ")")
                        + (spec.secret() ? "; give it as " + secretForms(spec) : "")
                        + ": " + spec.shortDescription());
            }
        }
        // once every default is in: the switch of a secret's path may be declared after the secret
        for (ParameterSpec spec : specs) {
            ParameterSpec.PathWhen path = spec.pathWhen();
            if (path != null && secrets.containsKey(spec.name())
                    && path.value().equals(values.get(path.parameter()))) {
                secrets.remove(spec.name());
                pending.put(spec.name(), new Pending(spec, seen.get(spec.name()), PATH));
            }
        }
        return new DeclaredParameters(values, secrets, pending, environment);
    }

    /**
     * These parameters with every secret read: each file or script gets at most
     * {@link #SECRET_TIMEOUT} and no more than {@code deadline} leaves. Every problem at once.
     */
    public Parameters withSecrets(Deadline deadline) throws ParameterException {
        List<String> problems = new ArrayList<>();
        Parameters complete = readSecrets(deadline, problems);
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return complete;
    }

    private Parameters readSecrets(Deadline deadline, List<String> problems) {
        Map<String, Secret> all = new LinkedHashMap<>(secrets);
        for (Pending p : pending.values()) {
            Optional<Secret> secret = read(p, deadline, problems);
            if (secret.isPresent()) {
                all.put(p.spec().name(), secret.get());
            }
        }
        return Parameters.of(values, all);
    }

    private record Match(ParameterSpec spec, String source) {
    }

    /**
     * The parameter a key names, directly or as NAME_file / NAME_env / NAME_script of a secret; empty for
     * a key that {@link #resolve} would treat as unknown. Protocol adapters use it to warn about such keys.
     */
    public static Optional<ParameterSpec> declaring(List<ParameterSpec> specs, String key) {
        return match(specs, key).map(Match::spec);
    }

    private static Optional<Match> match(List<ParameterSpec> specs, String key) {
        for (ParameterSpec spec : specs) {
            if (spec.isNamed(key)) {
                return Optional.of(new Match(spec, ""));
            }
        }
        for (String suffix : SECRET_SOURCES) {
            if (key.endsWith(suffix)) {
                String base = key.substring(0, key.length() - suffix.length());
                for (ParameterSpec spec : specs) {
                    if (spec.secret() && spec.isNamed(base)) {
                        return Optional.of(new Match(spec, suffix));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Secret> read(Pending pending, Deadline deadline, List<String> problems) {
        RawParameter p = pending.raw();
        String name = pending.spec().name();
        String at = p.origin() + ": " + p.key() + ": ";
        Duration limit = deadline.remainingAtMost(SECRET_TIMEOUT);
        switch (pending.source()) {
            case PATH -> {
                ParameterSpec.PathWhen when = pending.spec().pathWhen();
                try {
                    return Optional.of(SecretFile.readFirstLine(Path.of(p.value()), limit));
                } catch (IOException | RuntimeException e) {
                    // the value may well be the secret itself (the switch set by mistake): never shown, and
                    // SecretFile's messages never name the file
                    problems.add(at + "with " + when.parameter() + "=" + when.value() + ", expected the path of a"
                            + " regular file whose first line is the " + name + "; cannot read the file named by "
                            + p.key() + ": " + (e instanceof IOException ? e.getMessage() : e.getClass().getSimpleName()));
                    return Optional.empty();
                }
            }
            case "_file" -> {
                try {
                    return Optional.of(SecretFile.readFirstLine(Path.of(p.value()), limit));
                } catch (IOException | RuntimeException e) {
                    problems.add(at + "cannot read the secret file '" + p.value() + "': " + e.getMessage()
                            + "; expected a regular file whose first line is the " + name);
                    return Optional.empty();
                }
            }
            case "_env" -> {
                String value = environment.apply(p.value());
                if (value == null) {
                    problems.add(at + "environment variable '" + p.value() + "' is not set; expected it to hold the "
                            + name);
                    return Optional.empty();
                }
                return Optional.of(Secret.of(value));
            }
            default -> {
                try {
                    return Optional.of(SecretScript.read(p.value(), limit));
                } catch (IOException | RuntimeException e) {
                    problems.add(at + "the command '" + p.value() + "' did not print the " + name + ": "
                            + e.getMessage() + "; expected it to exit 0 within " + DurationText.of(limit)
                            + " and print the " + name + " on its first line");
                    return Optional.empty();
                }
            }
        }
    }


    /** The problem with a non-secret value, if any. */
    private static Optional<String> check(ParameterSpec spec, RawParameter p) {
        String v = p.value().trim();
        boolean ok = switch (spec.type()) {
            case STRING -> !(spec.required() && v.isEmpty()); // an empty ipaddr would be this host's own
            case INTEGER -> WHOLE_NUMBER.matcher(v).matches();
            case BOOLEAN -> ParameterType.parseBoolean(v).isPresent();
            case SECONDS -> DECIMAL_SECONDS.matcher(v).matches();
            case SELECT -> spec.choices().stream().anyMatch(c -> c.equalsIgnoreCase(v));
        };
        if (ok) {
            return Optional.empty();
        }
        String expected = spec.type() == ParameterType.SELECT ? "one of " + String.join(", ", spec.choices())
                : spec.type() == ParameterType.STRING ? "a value (it is required)" : spec.type().expected();
        return Optional.of(p.origin() + ": " + p.key() + ": expected " + expected + ", got '" + p.value() + "'");
    }

    private static String canonical(ParameterSpec spec, String value) {
        if (spec.type() == ParameterType.SELECT) {
            for (String choice : spec.choices()) {
                if (choice.equalsIgnoreCase(value.trim())) {
                    return choice;
                }
            }
            throw new IllegalStateException("'" + value + "' was checked against the choices of " + spec.name());
        }
        return spec.type() == ParameterType.STRING ? value : value.trim();
    }

    /** None at all: for agents without parameters. */
    public static DeclaredParameters empty() {
        return new DeclaredParameters(Map.of(), Map.of(), Map.of(), name -> null);
    }

    /** The values that are not secrets, checked and canonical: the caller's timeout, before any secret is read. */
    public Parameters withoutSecrets() {
        return Parameters.of(values, Map.of());
    }

    /** The values by canonical name, secrets masked. */
    public Map<String, String> masked() {
        Map<String, String> all = new LinkedHashMap<>(values);
        secrets.keySet().forEach(k -> all.put(k, Secret.MASK));
        pending.keySet().forEach(k -> all.put(k, Secret.MASK));
        return all;
    }

    @Override
    public String toString() {
        return "DeclaredParameters" + masked();
    }

}
