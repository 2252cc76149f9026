package org.fence4j.agents.chain;

import java.io.IOException;
import java.nio.file.Path;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.slf4j.LoggerFactory;

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

    public Fencer(FenceConfig config, ChainListener listener) {
        this(config, listener, TargetLocks.shared());
    }

    public Fencer(FenceConfig config, ChainListener listener, TargetLocks locks) {
        this.config = config;
        this.listener = listener;
        this.locks = locks;
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
            result = new FencingChain(listener).fence(target, action, deadline.remaining());
        }
        record(result, requester, deadline);
        return result;
    }

    /** Once the target is free again: the history never changes the outcome nor holds it past the deadline. */
    private void record(ChainResult result, String requester, Deadline deadline) {
        String problem;
        try {
            history().append(HistoryEntry.of(result, requester), deadline);
            return;
        } catch (IOException e) {
            problem = FileProblem.named(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // passed on; the outcome is reported all the same
            problem = "interrupted";
        }
        // the outcome stands: losing a confirmed fence to a full disk would fence the node again
        LoggerFactory.getLogger(Fencer.class).error("The history could not be written, the outcome stands: {};"
                + " not recorded: {}", problem, result.summary());
    }
}
