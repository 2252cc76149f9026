package org.fence4j.agents.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.state.PrivateDirectory;

/**
 * A validated configuration: devices, and for each target its levels in priority order; both maps in
 * the order of the file.
 *
 * @param source   the file it was read from
 * @param stateDir where history and lock files live
 */
public record FenceConfig(Path source, Path stateDir, Map<String, Device> devices, Map<String, Target> targets) {
    /** What the history's directory is called in messages. */
    public static final String STATE_DIRECTORY = "state directory";

    public FenceConfig {
        // the file's order, every run (Map.copyOf would iterate in a new order in each JVM)
        devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** One target node and the levels that fence it, first to try first. */
    public record Target(String name, List<Level> levels) {
        public Target {
            levels = List.copyOf(levels);
        }
    }

    /** One level of a target's chain: a device and how long it may take. */
    public record Level(int index, Device device, Duration timeout) {
    }

    public Optional<Target> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    /**
     * What {@code fence-cli validate} checks: opens every device once, which reads every secret and
     * lets each agent check its parameters, without contacting any device; the state directory,
     * which a fence would skip; and each level's device against its target, which the device would
     * refuse if it names other nodes only. Every problem at once.
     */
    public void validate(Deadline deadline) throws ConfigException {
        List<String> problems = new ArrayList<>();
        PrivateDirectory.problem(stateDir, STATE_DIRECTORY).ifPresent(problem -> problems.add("state_dir: " + problem
                + "; fencing would go on without a history"));
        Map<String, List<String>> nodesOf = new HashMap<>();
        for (Device device : new TreeMap<>(devices).values()) {
            try (FenceAgent agent = device.open(deadline)) {
                // opened: its secrets are readable and its parameters fit together; then what a fence would refuse
                agent.problems(deadline).forEach(p -> problems.add(device.where() + ": " + p));
                nodesOf.put(device.name(), agent.targets());
            } catch (ParameterException e) {
                problems.addAll(e.problems());
            }
        }
        for (Target target : targets.values()) {
            for (Level level : target.levels()) {
                List<String> nodes = nodesOf.getOrDefault(level.device().name(), List.of());
                // no nodes named: a device that fences whatever node it is asked for
                if (!nodes.isEmpty() && nodes.stream().noneMatch(target.name()::equalsIgnoreCase)) {
                    problems.add("target " + target.name() + ", level " + level.index() + ": device "
                            + level.device().name() + " fences only " + String.join(", ", nodes) + ", so every fence of "
                            + target.name() + " would fail at this level; name " + target.name() + " in the device's"
                            + " hostname (or hostlist), or give the level the device that fences " + target.name());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
