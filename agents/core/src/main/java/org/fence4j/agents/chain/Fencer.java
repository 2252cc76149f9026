package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Path;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;

/**
 * One fencing request on a configured target, whoever asks (fence-cli, or Pacemaker through the
 * whole-chain plugin): take the target's lock, run its chain, release the lock, then record the
 * result in the history. The lock is taken once per request: the chain's levels run in this
 * process under it and never take it again.
 */
public final class Fencer {
    private final FenceConfig config;
    private final ChainListener listener;
    private final TargetLocks locks;
    private final ConciseLog log;

    /** The concise log goes to the syslog socket of this process's environment. */
    public Fencer(FenceConfig config, ChainListener listener) {
        this(config, listener, TargetLocks.shared(), ConciseLog.fromEnvironment(System::getenv));
    }

    public Fencer(FenceConfig config, ChainListener listener, TargetLocks locks, ConciseLog log) {
        this.config = config;
        this.listener = listener;
        this.locks = locks;
        this.log = log;
    }

    public History history() {
        return history(config.stateDir());
    }

    public static History history(Path stateDir) {
        return new History(stateDir.resolve("history.jsonl"));
    }

    /**
     * Fences {@code target} (ON, OFF or RESET) within {@code deadline}. With {@code wait} false, a
     * target held by another request is refused at once. The state directory decides nothing: a
     * history that cannot be written safely (a directory another user made first) costs the entry,
     * with an error line naming the fix, never the fence.
     *
     * @throws org.fence4j.agents.state.UnsafeStateException before any power command, when the
     *     lock directory could be changed by another user
     */
    public ChainResult fence(FenceConfig.Target target, FenceAction action, String requester, Deadline deadline,
            boolean wait) throws TargetLocks.BusyException, IOException, InterruptedException {
        ChainResult result;
        try (TargetLocks.Held held = locks.acquire(target.name(), TargetLocks.holder(action.word(), requester),
                deadline, wait)) {
            log.started(target.name(), action, "its chain of " + target.levels().size() + " level"
                    + (target.levels().size() == 1 ? "" : "s"), requester);
            try {
                result = new FencingChain(alsoLogging(listener, target.name(), action)).fence(target, action,
                        deadline.remaining());
            } catch (RuntimeException broke) {
                log.abandoned(target.name(), action, broke);
                throw broke;
            }
        }
        log.finished(result);
        // once the target is free again: the history never changes the outcome nor holds it past the deadline
        history().record(HistoryEntry.of(result, requester), deadline);
        return result;
    }

    /** The listener's callbacks, and each level's line in the concise log. */
    private ChainListener alsoLogging(ChainListener listener, String target, FenceAction action) {
        return new ChainListener() {
            @Override
            public void started(String name, FenceAction what) {
                listener.started(name, what);
            }

            @Override
            public void levelStarted(FenceConfig.Level level) {
                listener.levelStarted(level);
            }

            @Override
            public void levelFinished(LevelReport report) {
                listener.levelFinished(report);
                log.level(target, action, report);
            }

            @Override
            public boolean showsOutcome() {
                return listener.showsOutcome();
            }
        };
    }
}
