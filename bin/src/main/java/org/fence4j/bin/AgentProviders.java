package org.fence4j.bin;

import org.fence4j.agents.config.AgentRegistry;

/**
 * Prints each agent type on the class path and the class of its provider, one "TYPE CLASS" line
 * each, in order of type: what the build's {@code launchers} script writes a launcher pair for, each
 * naming the provider classes, its own first, and fence-cli's naming all
 * ({@link AgentRegistry#PROVIDER_PROPERTY}).
 */
public final class AgentProviders {
    private AgentProviders() {
    }

    public static void main(String[] args) throws Exception {
        AgentRegistry registry = AgentRegistry.load();
        for (String type : registry.types()) {
            System.out.println(type + " " + AgentRegistry.implementation(registry.require(type)).getName());
        }
    }
}
