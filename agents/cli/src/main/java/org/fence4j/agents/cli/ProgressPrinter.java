package org.fence4j.agents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.chain.ChainListener;
import org.fence4j.agents.chain.ChainResult;
import org.fence4j.agents.chain.FencingChain;
import org.fence4j.agents.chain.History;
import org.fence4j.agents.chain.HistoryEntry;
import org.fence4j.agents.chain.LevelReport;
import org.fence4j.agents.config.FenceConfig.Level;
import org.fence4j.agents.spi.DurationText;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;

/**
 * Human output of a chain as it runs: a line per level, and on a terminal the elapsed time of
 * the level that is waiting. With --json only the final document is printed.
 */
final class ProgressPrinter implements ChainListener {
    private final Terminal terminal;
    private final boolean json;
    private final TimeText times;
    private final PrintWriter out;
    /** A status level that answered without reading the power (the helper, meatware): not a SUCCESS to the eye. */
    static final String NO_POWER_READING = "NO POWER READING";

    private FenceAction action;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> tick;

    ProgressPrinter(Session session) {
        this.terminal = session.terminal();
        this.json = session.options().json();
        this.times = session.times();
        this.out = terminal.out();
    }

    @Override
    public void started(String target, FenceAction action) {
        this.action = action;
        if (!json) {
            out.println(action.fences() || action == FenceAction.ON
                    ? FencingChain.request(target, action) + " started."
                    : "Asking every level of " + target + " (" + action.word() + ").");
        }
    }

    @Override
    public void levelStarted(Level level) {
        if (json || !terminal.interactive() || level.device().provider().talksToOperator()) {
            return; // an agent that talks to the operator has the terminal to itself
        }
        long started = System.nanoTime();
        String label = LevelReport.label(level.index(), level.device().name(), level.device().agentType());
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
        }
        tick = ticker.scheduleAtFixedRate(() -> {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            out.print(String.format(Locale.ROOT, "\r%s ... %.0f s of %s \u001b[K", label, ms / 1000.0,
                    DurationText.of(level.timeout())));
            out.flush();
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void levelFinished(LevelReport r) {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
            out.print("\r\u001b[K");
        }
        if (!json) {
            out.println(LevelReport.label(r.index(), r.device(), r.agent()) + ": "
                    + (r.outcome() == Outcome.SKIPPED ? r.reason()
                    : outcome(r, action) + " after " + DurationText.of(r.duration()) + ": " + r.reason()));
        }
    }

    /** The closing line says how it ended; with --json the log's ERROR line is the only sentence. */
    @Override
    public boolean showsOutcome() {
        return !json;
    }

    /** The closing line, or the JSON document. */
    void finished(ChainResult result, String requester) throws IOException {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        out.println(json ? History.json(EntryJson.of(HistoryEntry.of(result, requester), times)) : result.summary());
        out.flush();
    }

    /** The level's outcome in a word; a status that succeeded without reading the power says so. */
    static String outcome(LevelReport r, FenceAction action) {
        return action == FenceAction.STATUS && r.outcome() == Outcome.SUCCESS && r.power() == PowerState.UNKNOWN
                ? NO_POWER_READING : r.outcome().name();
    }
}
