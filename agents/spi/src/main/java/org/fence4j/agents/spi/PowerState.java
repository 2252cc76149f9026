package org.fence4j.agents.spi;

/** Power state of a target as read back from its device. */
public enum PowerState {
    ON, OFF, UNKNOWN
}
