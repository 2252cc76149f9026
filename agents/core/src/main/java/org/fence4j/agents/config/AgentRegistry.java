package org.fence4j.agents.config;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.fence4j.agents.power.PowerAgentProvider;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.PowerDriverProvider;

/**
 * The agent types on the class path, found with {@link ServiceLoader} and read only as far as a
 * lookup needs: a call for one agent type stops at its provider. An agent is a
 * {@link FenceAgentProvider}, or a {@link PowerDriverProvider} that the core makes one
 * ({@link PowerAgentProvider}). The launcher puts fence4j's
 * own jars first on the class path, so such a call never opens the third-party jars, each of
 * which costs start-up time. A type claimed twice is an error once both claims have been read
 * (a listing of {@link #types()} reads them all).
 */
public final class AgentRegistry {
    /**
     * The system property by which a launcher names provider classes, separated by commas: they are
     * made directly, in this order and each only when a lookup reaches it, before the class path is
     * read, which spares the call ServiceLoader's first look through the jars' service entries
     * (10-15 ms of a call, 2026-11-29). An agent's launcher names its own type's provider first,
     * fence-cli's every one the build found. A name that is not a provider on the class path is
     * passed over; the class path answers as before.
     */
    public static final String PROVIDER_PROPERTY = "fence4j.agent.provider";

    /** The classes {@link #PROVIDER_PROPERTY} names, not yet made. */
    private final Iterator<String> named;
    private final Iterator<FenceAgentProvider> classPath;
    private final Map<String, FenceAgentProvider> byType = new TreeMap<>();
    /** The classes made from their names: their copies on the class path are no second claim. */
    private final Set<Class<?>> madeByName = new HashSet<>();

    private AgentRegistry(List<String> named, Iterator<FenceAgentProvider> classPath) {
        this.named = named.iterator();
        this.classPath = classPath;
    }

    /** The providers on the class path, those {@link #PROVIDER_PROPERTY} names first. */
    public static AgentRegistry load() {
        return load(System.getProperty(PROVIDER_PROPERTY), () -> new Iterator<>() {
            // the power drivers' services are read only once the agents' are, and only if a lookup gets there
            private final Iterator<FenceAgentProvider> agents = ServiceLoader.load(FenceAgentProvider.class).iterator();
            private Iterator<PowerDriverProvider> drivers;

            @Override
            public boolean hasNext() {
                return agents.hasNext() || drivers().hasNext();
            }

            @Override
            public FenceAgentProvider next() {
                return agents.hasNext() ? agents.next() : new PowerAgentProvider(drivers().next());
            }

            private Iterator<PowerDriverProvider> drivers() {
                if (drivers == null) {
                    drivers = ServiceLoader.load(PowerDriverProvider.class).iterator();
                }
                return drivers;
            }
        });
    }

    /** {@code providers}, preceded by those of the classes that {@code providerClasses} names (comma-separated). */
    static AgentRegistry load(String providerClasses, Iterable<FenceAgentProvider> providers) {
        List<String> named = providerClasses == null || providerClasses.isEmpty()
                ? List.of() : List.of(providerClasses.split(","));
        return new AgentRegistry(named, providers.iterator());
    }

    public static AgentRegistry of(Iterable<FenceAgentProvider> providers) {
        return new AgentRegistry(List.of(), providers.iterator());
    }

    private static Optional<FenceAgentProvider> provider(String className) {
        if (className.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (PowerDriverProvider.class.isAssignableFrom(c)) {
                return Optional.of(new PowerAgentProvider((PowerDriverProvider) c.getConstructor().newInstance()));
            }
            if (!FenceAgentProvider.class.isAssignableFrom(c)) {
                return Optional.empty();
            }
            return Optional.of((FenceAgentProvider) c.getConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    public synchronized Optional<FenceAgentProvider> find(String type) {
        readUntil(type);
        return Optional.ofNullable(byType.get(type));
    }

    /** The provider of {@code type}, or an exception that lists the known types. */
    public FenceAgentProvider require(String type) throws ParameterException {
        return find(type).orElseThrow(() -> new ParameterException("unknown agent type '" + type
                + "'; installed agent types: " + String.join(", ", types())));
    }

    /** Every installed type, in order of name. */
    public synchronized List<String> types() {
        readUntil(null);
        return List.copyOf(byType.keySet());
    }

    /** Reads providers, the named ones first, until one of {@code type} is known (all of them for null). */
    private void readUntil(String type) {
        while (type == null || !byType.containsKey(type)) {
            FenceAgentProvider p;
            if (named.hasNext()) {
                Optional<FenceAgentProvider> made = provider(named.next());
                if (made.isEmpty() || !madeByName.add(implementation(made.get()))) {
                    continue; // no provider, or named twice
                }
                p = made.get();
            } else if (classPath.hasNext()) {
                p = classPath.next();
                if (madeByName.contains(implementation(p))) {
                    continue;
                }
            } else {
                return;
            }
            add(p);
        }
    }

    /** The class a launcher names for {@code p}: a power agent's driver provider. */
    public static Class<?> implementation(FenceAgentProvider p) {
        return p instanceof PowerAgentProvider power ? power.driver().getClass() : p.getClass();
    }

    private void add(FenceAgentProvider p) {
        FenceAgentProvider clash = byType.putIfAbsent(p.type(), p);
        if (clash != null) {
            throw new IllegalStateException("two agents claim type '" + p.type() + "': "
                    + implementation(clash).getName() + " and " + implementation(p).getName());
        }
    }
}
