package org.fence4j.agents.protocol.fenceagents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgentProvider;

/**
 * What a fence_* agent's action asks: a device action, or one this adapter answers itself from
 * the provider and the agent (list, list-status, metadata, manpage, validate-all).
 *
 * @param action the device action, for {@link Kind#DEVICE} only
 */
record Request(Kind kind, FenceAction action) {
    static final String LIST = "list";
    /** list with each target's power state. */
    static final String LIST_STATUS = "list-status";
    /** fencing.py's action that prints the metadata for the man page build. */
    static final String MANPAGE = "manpage";

    enum Kind { DEVICE, LIST, LIST_STATUS, METADATA, VALIDATE }

    static Optional<Request> parse(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case LIST -> Optional.of(new Request(Kind.LIST, null));
            case LIST_STATUS -> Optional.of(new Request(Kind.LIST_STATUS, null));
            case "metadata", "meta-data", MANPAGE -> Optional.of(new Request(Kind.METADATA, null));
            case "validate-all", "validate" -> Optional.of(new Request(Kind.VALIDATE, null));
            default -> FenceAction.parse(w).map(a -> new Request(Kind.DEVICE, a));
        };
    }

    /** The fence-agents name of a device action. */
    static String word(FenceAction action) {
        return action == FenceAction.RESET ? "reboot" : action.word();
    }

    /** The fence-agents words of what {@code provider}'s agent answers, in fencing.py's order. */
    static List<String> words(FenceAgentProvider provider) {
        List<String> names = new ArrayList<>();
        for (FenceAction action : List.of(FenceAction.ON, FenceAction.OFF, FenceAction.RESET, FenceAction.STATUS)) {
            if (provider.actions().contains(action)) {
                names.add(word(action));
            }
        }
        if (provider.lists()) {
            names.add(LIST);
            if (provider.actions().contains(FenceAction.STATUS)) {
                names.add(LIST_STATUS);
            }
        }
        if (provider.actions().contains(FenceAction.MONITOR)) {
            names.add(word(FenceAction.MONITOR));
        }
        names.addAll(List.of("metadata", MANPAGE, "validate-all"));
        return names;
    }
}
