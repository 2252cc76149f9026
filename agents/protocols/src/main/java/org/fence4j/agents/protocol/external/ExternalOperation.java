package org.fence4j.agents.protocol.external;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fence4j.agents.spi.FenceAction;

/** The operations of the cluster-glue external plugin protocol, as argv[1] names them. */
enum ExternalOperation {
    GETHOSTS("gethosts", null),
    ON("on", FenceAction.ON),
    OFF("off", FenceAction.OFF),
    RESET("reset", FenceAction.RESET),
    /** Device reachable and usable, not the node's power state. */
    STATUS("status", FenceAction.MONITOR),
    GETCONFIGNAMES("getconfignames", null),
    GETINFO_DEVID("getinfo-devid", null),
    GETINFO_DEVNAME("getinfo-devname", null),
    GETINFO_DEVDESCR("getinfo-devdescr", null),
    GETINFO_DEVURL("getinfo-devurl", null),
    GETINFO_XML("getinfo-xml", null);

    private final String word;
    private final FenceAction action;

    ExternalOperation(String word, FenceAction action) {
        this.word = word;
        this.action = action;
    }

    String word() {
        return word;
    }

    /** The agent action this operation runs, if it runs one. */
    Optional<FenceAction> action() {
        return Optional.ofNullable(action);
    }

    /** Whether argv[2] must name the host to act on. */
    boolean takesHost() {
        return this == ON || this == OFF || this == RESET;
    }

    static Optional<ExternalOperation> parse(String word) {
        return Arrays.stream(values()).filter(op -> op.word.equals(word)).findFirst();
    }

    static String words() {
        return Arrays.stream(values()).map(ExternalOperation::word).collect(Collectors.joining(" "));
    }
}
