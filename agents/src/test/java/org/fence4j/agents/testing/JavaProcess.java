package org.fence4j.agents.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a main class in a child JVM with this test's class path, as the launchers would start it. */
public final class JavaProcess {
    private JavaProcess() {
    }

    /** The command that starts {@code mainClass} the way the launchers do (quick start, small heap). */
    public static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return command;
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static ChildProcess.Result run(Class<?> mainClass, List<String> args, Map<String, String> environment,
            String stdin, Duration limit) {
        return ChildProcess.run(command(mainClass, args), environment, stdin, limit);
    }
}
