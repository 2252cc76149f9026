package org.fence4j.agents.spi;

/**
 * Where a parameter value came from, for error messages ("fence4j.yaml:12") and for the
 * secrets rule: a secret given on the command line is refused.
 */
public record Origin(String where, boolean commandLine) {

    public static Origin file(String path, int line) {
        return new Origin(line > 0 ? path + ":" + line : path, false);
    }

    public static Origin environment(String variable) {
        return new Origin("environment variable " + variable, false);
    }

    public static Origin stdin(int line) {
        return new Origin("stdin line " + line, false);
    }

    public static Origin argv() {
        return new Origin("command line", true);
    }

    @Override
    public String toString() {
        return where;
    }
}
