package org.fence4j.bin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A device of the training's fence4j.yaml and the target of the first level that uses it, with its
 * parameters as the protocol adapters take them. The training's file is fence4j-train's own, so it
 * is read plainly: the configuration loader's checks are for operators' files.
 */
record TrainingDevice(String type, String target, Map<String, String> parameters) {
    private static final String TIMEOUT = "10";

    @SuppressWarnings("unchecked")
    static List<TrainingDevice> of(Path config) {
        Map<String, Object> yaml;
        try (Reader in = Files.newBufferedReader(config)) {
            yaml = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the training configuration " + config, e);
        }
        Map<String, String> targetOf = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("targets")).forEach((target, chain) ->
                ((List<Map<String, Object>>) chain.get("levels")).forEach(level ->
                        targetOf.putIfAbsent((String) level.get("device"), target)));
        List<TrainingDevice> devices = new ArrayList<>();
        ((Map<String, Map<String, Object>>) yaml.get("devices")).forEach((name, device) -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            ((Map<String, Object>) device.get("params")).forEach((key, value) -> parameters.put(key, String.valueOf(value)));
            devices.add(new TrainingDevice((String) device.get("agent"), targetOf.getOrDefault(name, "pm02"), parameters));
        });
        return devices;
    }

    /** The environment cluster-glue gives a plugin: the device's parameters, and the training's own variables. */
    String environment(String name) {
        return parameters.containsKey(name) ? parameters.get(name) : System.getenv(name);
    }

    /** The options on stdin, as pacemaker-fenced passes them. */
    String stdin(String action) {
        StringBuilder lines = new StringBuilder("action=" + action + "\nplug=" + target + "\ntimeout=" + TIMEOUT + "\n");
        parameters.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        return lines.toString();
    }

    /** The command line of a fence_* agent, as an operator types it: the type first, for FenceAgentsCommand. */
    String[] arguments(String action) {
        List<String> line = new ArrayList<>(List.of(type, "--action=" + action, "--plug=" + target, "--timeout=" + TIMEOUT));
        parameters.forEach((key, value) -> line.add("--" + key.replace('_', '-') + "=" + value));
        return line.toArray(String[]::new);
    }
}
