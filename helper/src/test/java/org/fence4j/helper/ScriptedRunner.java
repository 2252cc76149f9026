package org.fence4j.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A command runner with set answers per command line; records every command run. */
final class ScriptedRunner implements CommandRunner {
    private final Map<String, Result> answers = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();

    /** {@code command} as its words joined by one space. */
    ScriptedRunner answer(String command, int exitCode, String output) {
        answers.put(command, new Result(exitCode, output));
        return this;
    }

    @Override
    public synchronized Result run(List<String> command, Duration limit) throws IOException {
        String line = String.join(" ", command);
        calls.add(line);
        Result result = answers.get(line);
        if (result == null) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": No such file or directory");
        }
        return result;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized long count(String command) {
        return calls.stream().filter(command::equals).count();
    }
}
