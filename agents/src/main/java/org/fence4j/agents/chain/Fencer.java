package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.slf4j.LoggerFactory;

/**
 * One fencing request on a configured target, whoever asks (fence-cli, or Pacemaker through the
 * whole-chain plugin): take the target's lock, run its chain, record the result in the history.
 */
public final class Fencer {
    private final FenceConfig config;
    private final ChainListener listener;

    public Fencer(FenceConfig config, ChainListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public History history() {
        return history(config.stateDir());
    }

    public static History history(Path stateDir) {
        return new History(stateDir.resolve("history.jsonl"));
    }

    /**
     * Fences {@code target} (ON, OFF or RESET) within {@code deadline}. With {@code wait} false, a
     * target held by another request is refused at once.
     */
    public ChainResult fence(FenceConfig.Target target, FenceAction action, String requester, Deadline deadline,
            boolean wait) throws TargetLocks.BusyException, IOException, InterruptedException {
        String holder = "pid " + ProcessHandle.current().pid() + ", " + action.word() + " by " + requester
                + " since " + Instant.now();
        History history = history();
        try (TargetLocks.Held held = new TargetLocks(config.stateDir().resolve("locks"))
                .acquire(target.name(), holder, deadline, wait)) {
            ChainResult result = new FencingChain(listener).fence(target, action, deadline.remaining());
            try {
                history.append(HistoryEntry.of(result, requester));
            } catch (IOException e) {
                // the outcome stands: losing a confirmed fence to a full disk would fence the node again
                LoggerFactory.getLogger(Fencer.class).error("Cannot record {} of {} in {} ({}): {}", action.word(),
                        target.name(), history.file(), e.getClass().getSimpleName(), result.summary());
            }
            return result;
        }
    }
}
