package org.fence4j.agents.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The parameters an agent is made from: checked values by canonical name, defaults applied, and
 * the secrets read, held apart and masked in {@link #toString()}. The core builds them from a
 * configuration or a protocol's input: a value here already fits its {@link ParameterSpec}.
 */
public final class Parameters {
    private final Map<String, String> values;
    private final Map<String, Secret> secrets;

    private Parameters(Map<String, String> values, Map<String, Secret> secrets) {
        // in declaration order, every run: Map.copyOf would iterate in a new order in each JVM
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** Values checked against their declarations, and secrets. */
    public static Parameters of(Map<String, String> values, Map<String, Secret> secrets) {
        return new Parameters(values, secrets);
    }

    /** No parameters at all. For agents without parameters. */
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
