package org.fence4j.bin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.logging.Logging;
import org.fence4j.agents.power.PowerAgentProvider;
import org.fence4j.agents.protocol.external.ExternalPlugin;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;

/**
 * The training runs behind the class-data archives (libexec/fence4j-train), one per kind of archive
 * (libexec/fence4j-launch): "agent-TYPE", the type's metadata and each device of that type in the
 * training's fence4j.yaml through both protocol adapters, as Pacemaker calls them (status; reboot,
 * off and on of its power devices), and for the chain its reboot and status; "cli", fence-cli's
 * status (of one target and of all), validate, reset, off and on. An archive per agent type holds
 * only what that type's calls load: every class it holds is mapped by each call (the IPMI agent
 * need not map the redfish agent's TLS stack). A fencing call whose classes the archive lacks reads and
 * verifies each from its jar (bin/bench/README.md). The training knows no agent type: what it
 * exercises is the configuration it is given, which talks to loopback only (fence4j-train's: a
 * simulated BMC on 127.0.0.1 and pings of 127.0.0.1). Outcomes do not matter (the classes loaded
 * on a failure path are worth archiving too); the exit code is 0 once all ran.
 *
 * <p>Arguments: the kind, the training fence4j.yaml, and "power" when its power devices are the
 * training's own (power commands are sent only then).
 */
public final class StartupTraining {
    /** An agent type's archive is "agent-TYPE" (libexec/fence4j-launch). */
    private static final String AGENT = "agent-";

    private StartupTraining() {
    }

    public static void main(String[] args) {
        String kind = args[0];
        String config = args[1];
        boolean power = args.length > 2 && args[2].equals("power");
        Logging.configure(false);   // as each entry point's main does first
        securityProviders();
        if (kind.equals("cli")) {
            yamlParser();
            cli(config, power);
        } else if (kind.equals(AGENT + ConfigLoader.WHOLE_CHAIN_TYPE)) {
            yamlParser();
            chain(config, power);
        } else if (kind.startsWith(AGENT)) {
            agent(kind.substring(AGENT.length()), config, power);
        } else {
            throw new IllegalArgumentException("kind: expected cli or agent-TYPE, got " + kind);
        }
        System.out.flush();
        // System.exit, not return: the archive is written at exit, whatever threads an agent left behind
        System.exit(0);
    }

    /** The packages of the YAML parser (SnakeYAML) that parsing can touch. */
    private static final List<String> YAML_PARSER_PACKAGES = List.of("parser", "scanner", "tokens", "events",
            "reader", "error", "comments");

    /**
     * Loads, without running, every class of the YAML parser: the training's fence4j.yaml cannot hold
     * every form an operator may write (flow lists, anchors, block scalars...), and each class missing
     * from the archive makes the JVM open every jar in lib/ to look for it (about 40 ms a call).
     */
    private static void yamlParser() {
        URL parser = ClassLoader.getSystemResource("org/yaml/snakeyaml/parser/ParserImpl.class");
        try {
            JarFile jar = ((JarURLConnection) parser.openConnection()).getJarFile();
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && YAML_PARSER_PACKAGES.stream()
                        .anyMatch(p -> name.startsWith("org/yaml/snakeyaml/" + p + "/"))) {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                            ClassLoader.getSystemClassLoader());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the YAML parser's jar " + parser, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a class listed in the YAML parser's jar did not load", e);
        }
    }

    /**
     * Makes every security provider that the JDK's java.security lists. A call's first HMAC makes each
     * provider listed before SunJCE, and on JDK 17 the JDK makes SunEC with a ServiceLoader that makes
     * other modules' providers first, in an order that differs between the training and a call: without
     * this, a call read 24 of their classes from the JDK's modules file instead of the archive.
     */
    private static void securityProviders() {
        Security.getProviders();
    }

    private static void cli(String config, boolean power) {
        List<String> commands = new ArrayList<>(List.of("status pm02", "status", "validate"));
        if (power) {
            commands.addAll(List.of("reset pm02", "off pm02", "on pm02"));
        }
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of("--config", config));
            args.addAll(List.of(command.split(" ")));
            FenceCli.run(args.toArray(String[]::new), Terminal.system());
        }
    }

    /**
     * One agent type as Pacemaker calls it: its metadata through both adapters, then each device of
     * that type in the training's configuration (fence-agents' options on stdin, on the command line,
     * and cluster-glue's environment): its status, and for a power device (a driver made an agent by
     * the core) reboot, off and on too.
     */
    private static void agent(String type, String config, boolean power) {
        AgentRegistry registry = AgentRegistry.load();
        metadata(type);
        for (TrainingDevice device : TrainingDevice.of(Path.of(config))) {
            if (!device.type().equals(type)) {
                continue;
            }
            boolean powers = power && registry.find(type).orElseThrow() instanceof PowerAgentProvider;
            System.setIn(new ByteArrayInputStream(device.stdin("status").getBytes(StandardCharsets.UTF_8)));
            FenceAgentsCommand.execute(type);
            FenceAgentsCommand.execute(device.arguments("status"));
            ExternalPlugin.execute(device::environment, type, "status");
            if (powers) {
                for (String action : List.of("reboot", "off", "on")) {
                    FenceAgentsCommand.execute(device.arguments(action));
                }
                ExternalPlugin.execute(device::environment, type, "reset", device.target());
            }
        }
    }

    /** The whole chain as one device: its metadata, a reboot through its levels, and its status. */
    private static void chain(String config, boolean power) {
        String chain = ConfigLoader.WHOLE_CHAIN_TYPE;
        metadata(chain);
        if (power) {
            FenceAgentsCommand.execute(chain, "--action=reboot", "--plug=pm02", "--config=" + config, "--timeout=30");
        }
        FenceAgentsCommand.execute(chain, "--action=status", "--plug=pm02", "--config=" + config, "--timeout=30");
        ExternalPlugin.execute(name -> name.equals("config") ? config : System.getenv(name), chain, "status");
    }

    private static void metadata(String type) {
        ExternalPlugin.execute(type, "getinfo-xml");
        ExternalPlugin.execute(type, "getconfignames");
        FenceAgentsCommand.execute(type, "--action=metadata");
    }
}
