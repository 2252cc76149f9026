package org.fence4j.agents.spi;

import java.util.List;

/**
 * Parameters that cannot be used, with every problem found. Each problem names where the value
 * came from, the key and what was expected; none contains a secret value.
 */
public class ParameterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ParameterException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ParameterException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
