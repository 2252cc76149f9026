package org.fence4j.agents.testing;

import java.util.ArrayList;
import java.util.List;

/** Everything a test class's child processes printed, to search it for a secret at the end. */
public final class CapturedOutput {
    private final List<String> outputs = new ArrayList<>();

    public synchronized ChildProcess.Result keep(ChildProcess.Result result) {
        outputs.add(result.all());
        return result;
    }

    public synchronized int size() {
        return outputs.size();
    }

    /** Throws if any captured output contains {@code secret}; the message never quotes it. */
    public synchronized void assertNeverShows(String secret) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).contains(secret)) {
                throw new AssertionError("output #" + (i + 1) + " of " + outputs.size() + " shows the secret");
            }
        }
    }
}
