package org.fence4j.agents.spi;

/**
 * How an agent describes itself: {@code id} and {@code name} are one line each (cluster-glue
 * getinfo-devid / getinfo-devname; fence-agents shortdesc), {@code description} may span lines.
 */
public record AgentInfo(String id, String name, String description, String url) {
}
