package org.fence4j.agents.config;

import java.util.List;

/**
 * A configuration that cannot be used. Each problem reads
 * {@code FILE:LINE: KEY: what is wrong; what was expected} and never contains a secret value.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
