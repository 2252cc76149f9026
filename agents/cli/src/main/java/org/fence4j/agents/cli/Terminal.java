package org.fence4j.agents.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * What a run of fence-cli talks to: its output streams, its environment, and whether a person
 * sits at a terminal (then progress is shown live).
 */
public record Terminal(PrintWriter out, PrintWriter err, UnaryOperator<String> environment, boolean interactive) {

    public static Terminal system() {
        return new Terminal(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System::getenv, isTerminal(System.console()));
    }

    /**
     * Whether a person can answer on {@code console}: JDK 17 gives no console when stdin or stdout
     * is redirected; JDK 22+ gives one anyway and tells with {@code isTerminal()}.
     */
    public static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
