package org.fence4j.meatware.prompt;

import java.io.IOException;

/** The operator's terminal, as the confirmation question needs it; tests use a fake one. */
public interface OperatorConsole {

    /** Prints a whole line. */
    void println(String line);

    /** Prints the question, leaving the cursor after it. */
    void prompt(String text);

    /** Replaces the line just above the prompt (the waiting time), leaving what is being typed alone. */
    void status(String line);

    /** The next line typed; null once input has ended (Ctrl-D). Blocks, not interruptibly. */
    String readLine() throws IOException;
}
