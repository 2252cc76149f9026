package org.fence4j.agents.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerState;

/**
 * A test agent (type {@code scripted}) whose behaviour its parameters decide: succeed, fail or
 * hang after a delay; each call appended to {@code record_file} so tests can see order and
 * overlap across processes.
 */
public final class ScriptedAgentProvider implements FenceAgentProvider {
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.string("hostlist", "Nodes this device fences").asRequired(),
            ParameterSpec.select("result", "What fencing does", "success", "failure", "hang").withDefault("success"),
            ParameterSpec.seconds("delay", "Seconds each call takes").withDefault("0"),
            ParameterSpec.select("power", "Power state reported by status", "on", "off").withDefault("on"),
            ParameterSpec.secret("passwd", "A secret that must never be shown"),
            ParameterSpec.integer("port_number", "An integer parameter"),
            ParameterSpec.string("record_file", "File to append 'start|end ACTION TARGET' lines to"));

    @Override
    public String type() {
        return "scripted";
    }

    @Override
    public AgentInfo info() {
        return new AgentInfo("Scripted test device", "Scripted test device for fence4j's tests",
                "Succeeds, fails or hangs as configured.", "https://example.invalid/");
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public FenceAgent create(Parameters p) throws ParameterException {
        if (p.string("hostlist").isBlank()) {
            throw new ParameterException("hostlist: expected at least one node name");
        }
        return new FenceAgent() {
            @Override
            public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
                record("start " + action.word() + " " + target);
                try {
                    Thread.sleep(p.seconds("delay").toMillis());
                    if (action == FenceAction.STATUS) {
                        PowerState power = PowerState.valueOf(p.string("power").toUpperCase(java.util.Locale.ROOT));
                        return FenceResult.power(power, target + " is powered " + p.string("power") + ".");
                    }
                    return switch (p.string("result")) {
                        case "success" -> action.fences()
                                ? new FenceResult(org.fence4j.agents.spi.Outcome.SUCCESS, target + " is powered off.",
                                        PowerState.OFF)
                                : FenceResult.success(action.word() + " done");
                        case "failure" -> FenceResult.failure(target + " is still alive.");
                        default -> {
                            Thread.sleep(Long.MAX_VALUE / 4);
                            yield FenceResult.failure("unreachable");
                        }
                    };
                } finally {
                    record("end " + action.word() + " " + target);
                }
            }

            @Override
            public List<String> targets() {
                return Arrays.asList(p.string("hostlist").trim().split("[\\s,]+"));
            }

            private void record(String line) {
                p.get("record_file").ifPresent(f -> {
                    try {
                        Files.writeString(Path.of(f), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        };
    }
}
