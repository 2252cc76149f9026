package org.fence4j.agents.spi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One parameter of an agent, declared once. Validation, both protocols' metadata, fence-cli help
 * and the configuration schema are all derived from these declarations.
 *
 * <p>Build with the static factories and the {@code withX} copies:
 * {@code ParameterSpec.string("ipaddr", "BMC address").asRequired().withAliases("ip")}.
 *
 * @param name             canonical name (cluster-glue style where one exists)
 * @param aliases          other accepted names (e.g. fence_ipmilan's), in the order to document them
 * @param secret           never from argv, never shown; given as {@code NAME_file}/{@code NAME_env}
 * @param unique           metadata "unique": two devices must not share the value
 * @param defaultValue     the value used when none is given, or null
 * @param choices          allowed values of a SELECT parameter
 * @param fenceAgentsName  the alias fence-agents call it (fence_ipmilan's {@code ip} for {@code ipaddr}): the
 *                         primary name in fence-agents metadata, or null when that is {@code name}
 * @param shortOption      the letter of a fence_* agent's command line ({@code -a} for fence_ipmilan's ip), or null
 * @param pathWhen         for a secret: when its value is instead the path of a file holding it, or null
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        String shortDescription,
        String longDescription,
        boolean required,
        String defaultValue,
        boolean secret,
        boolean unique,
        List<String> aliases,
        List<String> choices,
        String fenceAgentsName,
        Character shortOption,
        PathWhen pathWhen) {

    /** The secret's value is a file's path when {@code parameter} has the value {@code value}. */
    public record PathWhen(String parameter, String value) {
        public PathWhen {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(value, "value");
        }
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(shortDescription, "shortDescription");
        longDescription = longDescription == null ? shortDescription : longDescription;
        aliases = List.copyOf(aliases);
        choices = List.copyOf(choices);
        if (type == ParameterType.SELECT && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a select parameter needs choices");
        }
        if (pathWhen != null && !secret) {
            throw new IllegalArgumentException(name + ": only a secret's value can be the path of a file holding it");
        }
        if (fenceAgentsName != null && !aliases.contains(fenceAgentsName)) {
            throw new IllegalArgumentException(name + ": the fence-agents name " + fenceAgentsName + " must be an alias");
        }
    }

    public static ParameterSpec of(String name, ParameterType type, String shortDescription) {
        return new ParameterSpec(name, type, shortDescription, null, false, null, false, false,
                List.of(), List.of(), null, null, null);
    }

    public static ParameterSpec string(String name, String shortDescription) {
        return of(name, ParameterType.STRING, shortDescription);
    }

    public static ParameterSpec integer(String name, String shortDescription) {
        return of(name, ParameterType.INTEGER, shortDescription);
    }

    public static ParameterSpec bool(String name, String shortDescription) {
        return of(name, ParameterType.BOOLEAN, shortDescription);
    }

    public static ParameterSpec seconds(String name, String shortDescription) {
        return of(name, ParameterType.SECONDS, shortDescription);
    }

    public static ParameterSpec select(String name, String shortDescription, String... choices) {
        return new ParameterSpec(name, ParameterType.SELECT, shortDescription, null, false, null,
                false, false, List.of(), List.of(choices), null, null, null);
    }

    /** A secret string: a password or key. */
    public static ParameterSpec secret(String name, String shortDescription) {
        return new ParameterSpec(name, ParameterType.STRING, shortDescription, null, false, null,
                true, false, List.of(), List.of(), null, null, null);
    }

    public ParameterSpec asRequired() {
        return new ParameterSpec(name, type, shortDescription, longDescription, true, defaultValue,
                secret, unique, aliases, choices, fenceAgentsName, shortOption, pathWhen);
    }

    public ParameterSpec asUnique() {
        return new ParameterSpec(name, type, shortDescription, longDescription, required,
                defaultValue, secret, true, aliases, choices, fenceAgentsName, shortOption, pathWhen);
    }

    public ParameterSpec withDefault(String value) {
        return new ParameterSpec(name, type, shortDescription, longDescription, required, value,
                secret, unique, aliases, choices, fenceAgentsName, shortOption, pathWhen);
    }

    public ParameterSpec withLongDescription(String text) {
        return new ParameterSpec(name, type, shortDescription, text, required, defaultValue,
                secret, unique, aliases, choices, fenceAgentsName, shortOption, pathWhen);
    }

    public ParameterSpec withAliases(String... names) {
        return new ParameterSpec(name, type, shortDescription, longDescription, required,
                defaultValue, secret, unique, List.of(names), choices, fenceAgentsName, shortOption, pathWhen);
    }

    /**
     * Names this parameter the way fence-agents do: {@code name} must be one of its aliases. fence_*
     * metadata then shows it as the primary name, and the others as deprecated ones.
     */
    public ParameterSpec withFenceAgentsName(String name) {
        return new ParameterSpec(this.name, type, shortDescription, longDescription, required, defaultValue,
                secret, unique, aliases, choices, name, shortOption, pathWhen);
    }

    /** The letter {@code letter} on a fence_* agent's command line names this parameter ({@code -a}). */
    public ParameterSpec withShortOption(char letter) {
        return new ParameterSpec(name, type, shortDescription, longDescription, required, defaultValue,
                secret, unique, aliases, choices, fenceAgentsName, letter, pathWhen);
    }

    /**
     * This secret's value is the path of a file whose first line is the secret when {@code parameter}
     * is {@code value} (cluster-glue external/ipmi's passwd with passwd_method=file). The core then
     * reads the file as it reads {@code NAME_file}: when the device is opened, within the deadline,
     * and it never shows the value, which may well be the secret itself.
     */
    public ParameterSpec withPathWhen(String parameter, String value) {
        return new ParameterSpec(name, type, shortDescription, longDescription, required, defaultValue,
                secret, unique, aliases, choices, fenceAgentsName, shortOption, new PathWhen(parameter, value));
    }

    /** The primary name in fence-agents metadata. */
    public String fenceAgentsPrimary() {
        return fenceAgentsName != null ? fenceAgentsName : name;
    }

    /** The canonical name followed by the aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }

    /** True if {@code key} is this parameter's name or one of its aliases. */
    public boolean isNamed(String key) {
        return name.equals(key) || aliases.contains(key);
    }
}
