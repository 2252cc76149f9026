package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs a local command (the standby check, crm_node); tests substitute a fake. */
@FunctionalInterface
interface CommandRunner {

    /** The exit code and standard output of one command. */
    record Result(int exitCode, String output) {
    }

    /**
     * @throws IOException the command could not be started or did not finish within {@code limit}
     *                     (it is then killed)
     */
    Result run(List<String> command, Duration limit) throws IOException, InterruptedException;
}
