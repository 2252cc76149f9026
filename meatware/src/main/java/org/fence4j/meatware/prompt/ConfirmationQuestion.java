package org.fence4j.meatware.prompt;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asks the operator to confirm that a node is down. Only the node's name typed back confirms
 * (a reflexive "y" does not); "no" or the end of input cancels; anything else is refused and
 * asked again. Shared by the waiting agent and {@code fence-cli confirm}.
 */
public final class ConfirmationQuestion {
    /** Bounds the loop: an operator who gets it wrong this often is cancelled. */
    static final int MAX_ANSWERS = 20;
    private static final Set<String> NO = Set.of("no", "n");
    private static final Set<String> YES = Set.of("yes", "y");

    /** What the operator decided. */
    public enum Decision { CONFIRMED, CANCELLED }

    private final OperatorConsole console;
    private final String target;

    public ConfirmationQuestion(OperatorConsole console, String target) {
        this.console = console;
        this.target = target;
    }

    /** The consequence of a wrong confirmation, shown before the question. */
    public void warn() {
        console.println("WARNING: confirming tells the cluster that " + target + " is down. If " + target
                + " has NOT really been reset or powered off,");
        console.println("it keeps running next to the services taken over from it, and data on shared disks"
                + " will be corrupted.");
    }

    /**
     * Asks until answered. {@code status}, if not null, gives the line printed above each
     * question (the waiting time), which {@link OperatorConsole#status} then keeps up to date.
     */
    public Decision ask(Supplier<String> status) throws IOException {
        for (int i = 0; i < MAX_ANSWERS; i++) {
            if (status != null) {
                console.println(status.get());
            }
            console.prompt("Type the node name \"" + target + "\" to confirm it is down, or \"no\" to cancel: ");
            String line = console.readLine();
            if (line == null) {
                console.println("");
                return Decision.CANCELLED;
            }
            String answer = line.trim();
            if (answer.equalsIgnoreCase(target)) {
                return Decision.CONFIRMED;
            }
            if (NO.contains(answer.toLowerCase(Locale.ROOT))) {
                return Decision.CANCELLED;
            }
            console.println(YES.contains(answer.toLowerCase(Locale.ROOT))
                    ? "Refused: type the node name \"" + target + "\" itself, not \"" + answer + "\"."
                    : "Refused: \"" + answer + "\" is not " + target + ".");
        }
        console.println("Too many refused answers; cancelled.");
        return Decision.CANCELLED;
    }
}
