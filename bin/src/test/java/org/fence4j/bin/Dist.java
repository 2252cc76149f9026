package org.fence4j.bin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;

/** The runnable directory that {@code mvn package} built (failsafe's {@code fence4j.dist}), and its commands. */
final class Dist {
    static final Path HOME = Path.of(System.getProperty("fence4j.dist", "target/fence4j")).toAbsolutePath();
    /** The JVM of this test run: the one the build's class-data archive was made for. */
    static final String JAVA_HOME = System.getProperty("java.home");
    static final String[] TYPES = {"ipmi", "redfish", "helper", "meatware", "chain"};
    /** A JDK 25+ for the AOT cache; the machines of this project have Temurin 25 here. */
    static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** Logged by -Xlog:class+load for a class mapped from a CDS archive or AOT cache. */
    static final String FROM_ARCHIVE = "source: shared objects file";

    private Dist() {
    }

    static void assumeBuilt() {
        assumeTrue(Files.isExecutable(HOME.resolve("libexec/fence4j-launch")),
                "no distribution at " + HOME + " (run mvn package first)");
    }

    /** stonith/fence4j-TYPE, the cluster-glue plugin of an agent type (plain fence4j for the chain). */
    static Path plugin(String type) {
        return HOME.resolve("stonith").resolve(type.equals("chain") ? "fence4j" : "fence4j-" + type);
    }

    /** sbin/fence_fence4j_TYPE (plain fence_fence4j for the chain). */
    static Path agent(String type) {
        return HOME.resolve("sbin").resolve(type.equals("chain") ? "fence_fence4j" : "fence_fence4j_" + type);
    }

    static ChildProcess.Result run(Path command, Map<String, String> environment, String stdin, String... args) {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(Arrays.asList(args));
        return ChildProcess.run(line, withJava(environment), stdin, Duration.ofSeconds(90));
    }

    /** The environment plus JAVA_HOME of this test's JVM, unless the test names another. */
    static Map<String, String> withJava(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent("JAVA_HOME", JAVA_HOME);
        return env;
    }
}
