package org.fence4j.meatware.rendezvous;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Node names as meatware uses them: lower-cased like cluster-glue (so {@code meatclient -c PM02}
 * and {@code pm02} meet at one FIFO) and restricted to what is safe as part of a file name.
 */
public final class Hostnames {
    /** Leaves room for "meatware reply " and the confirmer's details in the 256-byte record. */
    static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Hostnames() {
    }

    public static String normalize(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** Why {@code host} cannot be a meatware target, if it cannot. */
    public static Optional<String> problem(String host) {
        String h = normalize(host);
        if (h.length() > MAX_LENGTH) {
            return Optional.of("a node name of at most " + MAX_LENGTH + " characters, got " + h.length());
        }
        if (!SAFE.matcher(h).matches()) {
            return Optional.of("a node name (letters, digits, '.', '-', '_'; not starting with '.' or '-'), got '"
                    + host + "'");
        }
        return Optional.empty();
    }
}
