package org.fence4j.agents.spi;

/**
 * A parameter that the agent's counterpart takes (fence_ipmilan's auth, say) and the agent does not:
 * refused with its reason, rather than ignored, so that nobody believes a setting is in force.
 *
 * @param shortOption its letter on a fence_* agent's command line, or null
 */
public record RefusedParameter(String name, Character shortOption, String reason) {
}
