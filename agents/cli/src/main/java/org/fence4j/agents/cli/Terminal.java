package org.fence4j.agents.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.fence4j.agents.requester.Requester;

/**
 * What a run of fence-cli talks to: its output streams, its environment, and whether a person
 * sits at a terminal (then progress is shown live).
 */
public record Terminal(PrintWriter out, PrintWriter err, UnaryOperator<String> environment, boolean interactive) {

    public static Terminal system() {
        return new Terminal(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System::getenv,
                Requester.atTerminal(System.console()));
    }
}
