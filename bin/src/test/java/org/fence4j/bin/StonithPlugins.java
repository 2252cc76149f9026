package org.fence4j.bin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;

/**
 * The distribution's plugin files installed into cluster-glue's external plugin directory under
 * unique names (as the .deb installs them: regular files outside fence4j's directory, which they
 * find through FENCE4J_HOME here), and cluster-glue's real {@code stonith} to run them. Closing
 * removes every file installed.
 */
final class StonithPlugins implements AutoCloseable {
    static final Path PLUGIN_DIR = Path.of("/usr/lib/stonith/plugins/external");
    static final Path STONITH = Path.of("/usr/sbin/stonith");
    private final Map<String, Path> installed = new LinkedHashMap<>();

    /** Skips the test when cluster-glue is missing or the directory is not writable (not root). */
    static StonithPlugins install() throws IOException {
        Dist.assumeBuilt();
        assumeTrue(Files.isExecutable(STONITH), "cluster-glue's stonith is not installed");
        assumeTrue(Files.isWritable(PLUGIN_DIR), "installing plugins into " + PLUGIN_DIR + " needs root");
        StonithPlugins plugins = new StonithPlugins();
        String suffix = "-it" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        try {
            for (String type : Dist.TYPES) {
                Path plugin = PLUGIN_DIR.resolve(Dist.plugin(type).getFileName() + suffix);
                plugins.installed.put(type, plugin);
                Files.copy(Dist.plugin(type), plugin, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException | RuntimeException e) {
            plugins.close();
            throw e;
        }
        return plugins;
    }

    /** external/NAME of the installed plugin of an agent type. */
    String type(String agentType) {
        return "external/" + installed.get(agentType).getFileName();
    }

    /** stonith ARGS, as Pacemaker's lha class runs it. */
    ChildProcess.Result stonith(List<String> args) {
        List<String> command = new ArrayList<>(List.of(STONITH.toString()));
        command.addAll(args);
        return ChildProcess.run(command, Dist.withJava(Map.of("FENCE4J_HOME", Dist.HOME.toString())), "",
                Duration.ofSeconds(90));
    }

    @Override
    public void close() throws IOException {
        for (Path plugin : installed.values()) {
            Files.deleteIfExists(plugin);
        }
        installed.clear();
    }
}
