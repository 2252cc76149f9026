package org.fence4j.agents.spi;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The agent types on the class path, found with {@link ServiceLoader}. */
public final class AgentRegistry {
    private final Map<String, FenceAgentProvider> byType;

    private AgentRegistry(Map<String, FenceAgentProvider> byType) {
        this.byType = byType;
    }

    public static AgentRegistry load() {
        return of(ServiceLoader.load(FenceAgentProvider.class));
    }

    public static AgentRegistry of(Iterable<FenceAgentProvider> providers) {
        Map<String, FenceAgentProvider> byType = new TreeMap<>();
        for (FenceAgentProvider p : providers) {
            FenceAgentProvider clash = byType.putIfAbsent(p.type(), p);
            if (clash != null) {
                throw new IllegalStateException("two agents claim type '" + p.type() + "': "
                        + clash.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new AgentRegistry(byType);
    }

    public Optional<FenceAgentProvider> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The provider of {@code type}, or an exception that lists the known types. */
    public FenceAgentProvider require(String type) throws ParameterException {
        return find(type).orElseThrow(() -> new ParameterException("unknown agent type '" + type
                + "'; installed agent types: " + String.join(", ", byType.keySet())));
    }

    public Iterable<String> types() {
        return byType.keySet();
    }
}
