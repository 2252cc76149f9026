package org.fence4j.agents.spi;

/** A parameter as a caller wrote it, before validation. */
public record RawParameter(String key, String value, Origin origin) {
}
