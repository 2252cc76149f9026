package org.fence4j.meatware.prompt;

import java.io.Console;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.fence4j.agents.requester.Requester;

/**
 * The real terminal. Lines are read with {@link Console#readLine()}; output goes to stdout, not
 * to {@link Console#writer()}, whose lock a pending readLine holds, so that the waiting time
 * can be redrawn while the operator types.
 */
public final class TerminalConsole implements OperatorConsole {
    /** Save cursor, go up a line, clear it ... restore cursor. */
    private static final String UP = "\0337\033[1A\r\033[2K";
    private static final String BACK = "\0338";

    private final Console console;
    private final PrintStream out;
    private final boolean ansi;

    TerminalConsole(Console console, PrintStream out, boolean ansi) {
        this.console = console;
        this.out = out;
        this.ansi = ansi;
    }

    /** The terminal, when both stdin and stdout are one. */
    public static Optional<OperatorConsole> open() {
        Console console = System.console();
        if (!Requester.atTerminal(console)) {
            return Optional.empty();
        }
        String term = System.getenv("TERM");
        return Optional.of(new TerminalConsole(console, System.out, term != null && !term.equals("dumb")));
    }

    @Override
    public synchronized void println(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void prompt(String text) {
        out.print(text);
        out.flush();
    }

    @Override
    public synchronized void status(String line) {
        if (ansi) {
            out.print(UP + line + BACK);
            out.flush();
        }
    }

    @Override
    public String readLine() throws IOException {
        try {
            return console.readLine();
        } catch (IOError e) {
            throw new IOException("cannot read from the terminal", e);
        }
    }
}
