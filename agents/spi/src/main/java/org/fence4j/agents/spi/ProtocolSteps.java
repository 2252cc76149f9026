package org.fence4j.agents.spi;

import java.util.function.Consumer;

/**
 * A driver's protocol steps in words, for an operator's {@code -vv}: each request and what
 * answered it, so that one sees where a call stops. Drivers give names, statuses, counts and
 * times, never a password, key, token or random. The front ends give the lines a destination when
 * {@code -vv} is asked (fence4j's log at DEBUG); without one, nothing is formatted or logged.
 */
public final class ProtocolSteps {
    private static volatile Consumer<String> lines;

    private ProtocolSteps() {
    }

    /** Where the steps go from now on; {@code null}: nowhere. */
    public static void sendTo(Consumer<String> destination) {
        lines = destination;
    }

    /** Whether steps are said: a driver that must build its words tests this first. */
    public static boolean on() {
        return lines != null;
    }

    /** One step of {@code driver}: {@code format} with each "{}" replaced by the next argument. */
    public static void say(String driver, String format, Object... arguments) {
        Consumer<String> destination = lines;
        if (destination == null) {
            return;
        }
        StringBuilder line = new StringBuilder(driver).append(": ");
        int from = 0;
        int next = 0;
        for (int at; next < arguments.length && (at = format.indexOf("{}", from)) >= 0; from = at + 2) {
            line.append(format, from, at).append(arguments[next++]);
        }
        destination.accept(line.append(format, from, format.length()).toString());
    }
}
