package org.fence4j.agents.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs fence-cli in this JVM with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FenceCli.run(args, new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), env::get, false));
        return new CliRun(code, out.toString(), err.toString());
    }
}
