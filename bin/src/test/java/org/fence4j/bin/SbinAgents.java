package org.fence4j.bin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's fence_* agents linked into /usr/sbin, where pcs and Pacemaker's fencer look
 * for agents, as the .deb links them, but under unique names (fence_fence4j_ipmi_it3fa2c1), so that
 * nothing already installed there is touched. Closing removes exactly the links made.
 */
final class SbinAgents implements AutoCloseable {
    static final Path SBIN = Path.of("/usr/sbin");
    private static final Pattern AGENT = Pattern.compile("\\bfence_fence4j(_ipmi|_redfish|_helper|_meatware)?\\b");
    private final String suffix = "_it" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final Map<String, Path> installed = new LinkedHashMap<>();

    /** Skips the test when /usr/sbin is not writable (not root). */
    static SbinAgents install() throws IOException {
        Dist.assumeBuilt();
        assumeTrue(Files.isWritable(SBIN), "linking agents into " + SBIN + " needs root");
        SbinAgents agents = new SbinAgents();
        try {
            for (String type : Dist.TYPES) {
                Path link = SBIN.resolve(Dist.agent(type).getFileName() + agents.suffix);
                Files.createSymbolicLink(link, Dist.agent(type));
                agents.installed.put(type, link);
            }
        } catch (IOException | RuntimeException e) {
            agents.close();
            throw e;
        }
        return agents;
    }

    /** The installed name of an agent type: fence_fence4j_ipmi_itXXXXXX. */
    String name(String type) {
        return installed.get(type).getFileName().toString();
    }

    /** The text with every fence4j agent name replaced by its installed name. */
    String rename(String text) {
        return AGENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group() + suffix));
    }

    @Override
    public void close() throws IOException {
        for (Path link : installed.values()) {
            Files.deleteIfExists(link);
        }
        installed.clear();
    }
}
