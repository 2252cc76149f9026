package org.fence4j.agents.cli;

/** fence-cli's exit codes, listed in --help. */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    /** Fencing (or the asked action) failed, or the target was busy. */
    public static final int FAILED = 1;
    /** Bad usage or configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
