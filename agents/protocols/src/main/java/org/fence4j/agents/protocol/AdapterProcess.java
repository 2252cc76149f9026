package org.fence4j.agents.protocol;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.fence4j.agents.chain.ConciseLog;
import org.fence4j.agents.chain.LockedCall;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.requester.Requester;

/** What the process of every adapter (fence_*, external/*) does alike, whatever its protocol. */
public final class AdapterProcess {
    private AdapterProcess() {
    }

    /**
     * Ends an adapter's process with {@code code} once stdout is out. Its {@code main} calls it
     * directly, no lambda: a lambda made in {@code main} is not in the class-data archive.
     */
    public static void exit(int code) {
        System.out.flush();
        System.exit(code);
    }

    /** Who calls {@code adapter} on {@code device}, and where the call is recorded, as the environment says. */
    public static LockedCall.Caller caller(UnaryOperator<String> environment, String adapter, Map<String, String> device) {
        return new LockedCall.Caller(Requester.describe(environment), adapter, device,
                ConfigLoader.stateDir(environment, ConfigLoader.DEFAULT_STATE_DIR), ConciseLog.fromEnvironment(environment));
    }
}
