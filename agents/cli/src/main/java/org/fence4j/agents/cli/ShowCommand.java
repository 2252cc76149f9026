package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.config.ConfigException;
import picocli.CommandLine;

/** Each target with its levels and the outcome of its last fence, in the spirit of crm_mon -fA; --watch as crm_mon. */
final class ShowCommand extends CliCommand {
    static final int MAX_WATCH_SECONDS = 3600;
    /** This node's records read for the screen: the last fence of every target is among them. */
    static final int RECORDS_READ = 2000;
    /** Home and erase the display, as crm_mon redraws it. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final FenceCli root;
    private final Arg<Boolean> cluster = flag("--cluster", "Add the cluster's last fencing action of each target"
            + " (stonith_admin --history), also of targets not configured here.");
    private final Arg<Integer> watch = option("--watch", "SECONDS", Integer.class, null, "Show it again every SECONDS"
            + " (1-" + MAX_WATCH_SECONDS + ") until Ctrl-C (exit code 0), as crm_mon does; on a terminal the screen is"
            + " redrawn, elsewhere one follows another.");

    ShowCommand(FenceCli root) {
        super("Show each target with its levels, its last fence and its outcome, and what failed and why.");
        this.root = root;
    }

    @Override
    public Integer call() throws ConfigException, IOException, InterruptedException {
        Integer seconds = watch.value();
        if (seconds != null && (seconds < 1 || seconds > MAX_WATCH_SECONDS)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch: expected a whole number of seconds"
                    + " from 1 to " + MAX_WATCH_SECONDS + ", got " + seconds);
        }
        Session session = new Session(root);
        if (seconds != null && session.options().json()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch: not with --json, which prints one"
                    + " document (run show --json again to poll)");
        }
        PrintWriter out = session.terminal().out();
        if (session.options().json()) {
            ShowScreen screen = screen(session);
            screen.clusterUnavailable().ifPresent(why -> session.terminal().err().println("fence-cli: no cluster view ("
                    + why + ")"));
            out.println(History.json(screen.json()));
            return ExitCodes.SUCCESS;
        }
        if (seconds == null) {
            out.print(screen(session).text(Instant.now()));
            out.flush();
            return ExitCodes.SUCCESS;
        }
        return watch(session, seconds);
    }

    /**
     * Redraws the screen every {@code seconds} until interrupted: Ctrl-C ends the watch with success. Each
     * screen reads the configuration anew, as crm_mon shows the cluster's of the moment.
     */
    private int watch(Session first, int seconds) throws ConfigException, IOException {
        PrintWriter out = first.terminal().out();
        boolean redraw = first.terminal().interactive();
        try (Interrupts.Registration ctrlC = Interrupts.onInterrupt(Thread.currentThread())) {
            while (true) {
                String text = screen(new Session(root)).text(Instant.now());
                // on a pipe or file, one screen after another, as crm_mon --output-as=text does
                out.print(redraw ? CLEAR_SCREEN + text : text + "\n");
                out.flush();
                TimeUnit.SECONDS.sleep(seconds);
            }
        } catch (InterruptedException | ClosedByInterruptException ctrlC) {
            // reading the history is interruptible too: Ctrl-C while it reads ends the watch as well
            return ExitCodes.SUCCESS;
        }
    }

    private ShowScreen screen(Session session) throws ConfigException, IOException, InterruptedException {
        List<HistoryEntry> records = session.history().read(Optional.empty(), RECORDS_READ);
        ClusterHistory clusterHistory = cluster.value() ? session.clusterHistory(Optional.empty()) : null;
        return new ShowScreen(session.config(), records, clusterHistory, new HistoryText(session.times()));
    }
}
