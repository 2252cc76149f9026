package org.fence4j.agents.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Validated parameter values of one device, by canonical name, defaults applied. Secrets are
 * held apart and masked in {@link #toString()}.
 *
 * <p>A secret parameter {@code X} (or any alias of it) may be given as {@code X} (not on the
 * command line), {@code X_file} (first line of a file), {@code X_env} (an environment variable)
 * or {@code X_script} (first line of a command's output, as fence-agents' password_script).
 */
public final class Parameters {
    /** The suffixes that name where a secret {@code X} is read from: {@code X_file}, {@code X_env}, {@code X_script}. */
    public static final List<String> SECRET_SOURCES = List.of("_file", "_env", "_script");
    private static final long SCRIPT_TIMEOUT_SECONDS = 10;

    private final Map<String, String> values;
    private final Map<String, Secret> secrets;

    private Parameters(Map<String, String> values, Map<String, Secret> secrets) {
        // in declaration order, every run: Map.copyOf would iterate in a new order in each JVM
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** The ways to give a secret parameter, for messages and help: "passwd_file, passwd_env or passwd_script". */
    public static String secretForms(ParameterSpec spec) {
        List<String> forms = SECRET_SOURCES.stream().map(suffix -> spec.name() + suffix).toList();
        return String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.get(forms.size() - 1);
    }

    /** What to do with a key that names no parameter. */
    public enum Unknown { REJECT, IGNORE }

    /** Resolves with the process environment. */
    public static Parameters resolve(List<ParameterSpec> specs, List<RawParameter> raw, Unknown unknown)
            throws ParameterException {
        return resolve(specs, raw, unknown, System::getenv);
    }

    public static Parameters resolve(List<ParameterSpec> specs, List<RawParameter> raw,
            Unknown unknown, UnaryOperator<String> environment) throws ParameterException {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        Map<String, RawParameter> seen = new LinkedHashMap<>();
        for (RawParameter p : raw) {
            Optional<Match> match = match(specs, p.key());
            if (match.isEmpty()) {
                if (unknown == Unknown.REJECT) {
                    problems.add(p.origin() + ": unknown parameter '" + p.key() + "'; expected one of: "
                            + specs.stream().map(ParameterSpec::name).collect(Collectors.joining(", ")));
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
            if (spec.secret()) {
                readSecret(spec, p, source, environment, problems).ifPresent(s -> secrets.put(spec.name(), s));
            } else {
                check(spec, p).ifPresentOrElse(problems::add, () -> values.put(spec.name(), canonical(spec, p.value())));
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
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return new Parameters(values, secrets);
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

    private static Optional<Secret> readSecret(ParameterSpec spec, RawParameter p, String source,
            UnaryOperator<String> environment, List<String> problems) {
        String at = p.origin() + ": " + p.key() + ": ";
        switch (source) {
            case "" -> {
                if (p.origin().commandLine()) {
                    problems.add(at + "a secret is never taken from the command line (other users can read it"
                            + " in the process list); give " + p.key() + "_file=PATH or " + p.key()
                            + "_env=VARIABLE, or pass it on stdin");
                    return Optional.empty();
                }
                return Optional.of(Secret.of(p.value()));
            }
            case "_file" -> {
                try {
                    return Optional.of(Secret.readFirstLine(Path.of(p.value())));
                } catch (IOException | RuntimeException e) {
                    problems.add(at + "cannot read the secret file '" + p.value() + "' ("
                            + e.getClass().getSimpleName() + "); expected a readable file whose first line is the "
                            + spec.name());
                    return Optional.empty();
                }
            }
            case "_env" -> {
                String value = environment.apply(p.value());
                if (value == null) {
                    problems.add(at + "environment variable '" + p.value() + "' is not set; expected it to hold the "
                            + spec.name());
                    return Optional.empty();
                }
                return Optional.of(Secret.of(value));
            }
            default -> {
                return runScript(p.value()).map(Secret::of).or(() -> {
                    problems.add(at + "the command '" + p.value() + "' did not print the " + spec.name()
                            + " (it must exit 0 within " + SCRIPT_TIMEOUT_SECONDS + " s and print it on its first line)");
                    return Optional.empty();
                });
            }
        }
    }

    /**
     * The first line a command prints, if it exits 0 within the time limit. Its output goes to a
     * private temporary file, so that a child it leaves running cannot hold us past the limit.
     */
    private static Optional<String> runScript(String command) {
        Path out = null;
        Process process = null;
        try {
            out = Files.createTempFile("fence4j-secret", ".out"); // owner-only, as createTempFile makes it
            process = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Secret.firstLine(Files.readString(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file of the secret left behind is owner-only
                }
            }
        }
    }

    /** The problem with a non-secret value, if any. */
    private static Optional<String> check(ParameterSpec spec, RawParameter p) {
        String v = p.value().trim();
        boolean ok = switch (spec.type()) {
            case STRING -> true;
            case INTEGER -> v.matches("[+-]?\\d{1,18}");
            case BOOLEAN -> ParameterType.parseBoolean(v).isPresent();
            case SECONDS -> v.matches("\\d{1,9}(\\.\\d{1,9})?");
            case SELECT -> spec.choices().stream().anyMatch(c -> c.equalsIgnoreCase(v));
        };
        if (ok) {
            return Optional.empty();
        }
        String expected = spec.type() == ParameterType.SELECT
                ? "one of " + String.join(", ", spec.choices()) : spec.type().expected();
        return Optional.of(p.origin() + ": " + p.key() + ": expected " + expected + ", got '" + p.value() + "'");
    }

    private static String canonical(ParameterSpec spec, String value) {
        if (spec.type() == ParameterType.SELECT) {
            return spec.choices().stream().filter(c -> c.equalsIgnoreCase(value.trim())).findFirst().orElseThrow();
        }
        return spec.type() == ParameterType.STRING ? value : value.trim();
    }

    /** The parameters of a validated value set, empty. For agents without parameters. */
    public static Parameters empty() {
        return new Parameters(Map.of(), Map.of());
    }

    public boolean has(String name) {
        return values.containsKey(name) || secrets.containsKey(name);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A value that is required or has a default. */
    public String string(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("parameter " + name + " has no value"));
    }

    public long integer(String name) {
        return Long.parseLong(string(name));
    }

    public boolean bool(String name) {
        return ParameterType.parseBoolean(string(name)).orElseThrow();
    }

    public Duration seconds(String name) {
        return Duration.ofNanos((long) (Double.parseDouble(string(name)) * TimeUnit.SECONDS.toNanos(1)));
    }

    public Optional<Secret> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** The values by canonical name, secrets masked. */
    public Map<String, String> masked() {
        Map<String, String> all = new LinkedHashMap<>(values);
        secrets.keySet().forEach(k -> all.put(k, Secret.MASK));
        return all;
    }

    @Override
    public String toString() {
        return "Parameters" + masked();
    }

}
