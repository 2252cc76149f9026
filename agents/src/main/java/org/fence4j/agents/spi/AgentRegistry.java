package org.fence4j.agents.spi;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The agent types on the class path, found with {@link ServiceLoader} and read only as far as a
 * lookup needs: a call for one agent type stops at its provider. The launcher puts fence4j's
 * own jars first on the class path, so such a call never opens the third-party jars, each of
 * which costs start-up time. A type claimed twice is an error once both claims have been read
 * (a listing of {@link #types()} reads them all).
 */
public final class AgentRegistry {
    private final Iterator<FenceAgentProvider> unread;
    private final Map<String, FenceAgentProvider> byType = new TreeMap<>();

    private AgentRegistry(Iterator<FenceAgentProvider> providers) {
        this.unread = providers;
    }

    public static AgentRegistry load() {
        return new AgentRegistry(ServiceLoader.load(FenceAgentProvider.class).iterator());
    }

    public static AgentRegistry of(Iterable<FenceAgentProvider> providers) {
        return new AgentRegistry(providers.iterator());
    }

    public synchronized Optional<FenceAgentProvider> find(String type) {
        while (!byType.containsKey(type) && unread.hasNext()) {
            add(unread.next());
        }
        return Optional.ofNullable(byType.get(type));
    }

    /** The provider of {@code type}, or an exception that lists the known types. */
    public FenceAgentProvider require(String type) throws ParameterException {
        return find(type).orElseThrow(() -> new ParameterException("unknown agent type '" + type
                + "'; installed agent types: " + String.join(", ", types())));
    }

    /** Every installed type, in order of name. */
    public synchronized List<String> types() {
        while (unread.hasNext()) {
            add(unread.next());
        }
        return List.copyOf(byType.keySet());
    }

    private void add(FenceAgentProvider p) {
        FenceAgentProvider clash = byType.putIfAbsent(p.type(), p);
        if (clash != null) {
            throw new IllegalStateException("two agents claim type '" + p.type() + "': "
                    + clash.getClass().getName() + " and " + p.getClass().getName());
        }
    }
}
