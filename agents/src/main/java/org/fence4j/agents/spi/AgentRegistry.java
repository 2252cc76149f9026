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
    /**
     * The system property by which the launcher of one agent type names that type's provider
     * class: the provider is made directly, which spares the call ServiceLoader's first look
     * through the jars' service entries (about 15 ms of a fencing call, 2026-11-29). A name that is
     * not a provider on the class path is passed over; the class path answers as before.
     */
    public static final String PROVIDER_PROPERTY = "fence4j.agent.provider";

    private final Iterator<FenceAgentProvider> unread;
    private final Map<String, FenceAgentProvider> byType = new TreeMap<>();
    /** The class of the provider named by the launcher, if any: its copy on the class path is no second claim. */
    private final Class<?> named;

    private AgentRegistry(Optional<FenceAgentProvider> named, Iterator<FenceAgentProvider> providers) {
        this.unread = providers;
        this.named = named.isPresent() ? named.get().getClass() : null;
        if (named.isPresent()) {
            byType.put(named.get().type(), named.get());
        }
    }

    /** The providers on the class path, the one {@link #PROVIDER_PROPERTY} names first. */
    public static AgentRegistry load() {
        return load(System.getProperty(PROVIDER_PROPERTY), ServiceLoader.load(FenceAgentProvider.class));
    }

    /** {@code providers}, preceded by the provider of class {@code providerClass} when it names one. */
    static AgentRegistry load(String providerClass, Iterable<FenceAgentProvider> providers) {
        return new AgentRegistry(provider(providerClass), providers.iterator());
    }

    public static AgentRegistry of(Iterable<FenceAgentProvider> providers) {
        return new AgentRegistry(Optional.empty(), providers.iterator());
    }

    private static Optional<FenceAgentProvider> provider(String className) {
        if (className == null || className.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!FenceAgentProvider.class.isAssignableFrom(c)) {
                return Optional.empty();
            }
            return Optional.of((FenceAgentProvider) c.getConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
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
        if (p.getClass() == named) {
            return;
        }
        FenceAgentProvider clash = byType.putIfAbsent(p.type(), p);
        if (clash != null) {
            throw new IllegalStateException("two agents claim type '" + p.type() + "': "
                    + clash.getClass().getName() + " and " + p.getClass().getName());
        }
    }
}
