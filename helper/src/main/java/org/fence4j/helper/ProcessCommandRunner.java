package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.fence4j.agents.process.BoundedCommand;

/** The real runner: the command through {@link BoundedCommand}, its stdout as text. */
final class ProcessCommandRunner implements CommandRunner {

    @Override
    public Result run(List<String> command, Duration limit) throws IOException, InterruptedException {
        try {
            BoundedCommand.Result result = BoundedCommand.of(command).run(limit);
            return new Result(result.exitCode(), result.stdoutText());
        } catch (BoundedCommand.TimedOut e) {
            // the helper's log lines name the command themselves and have always given this limit in ms
            throw new IOException("did not finish within " + limit.toMillis() + " ms; killed", e);
        }
    }
}
