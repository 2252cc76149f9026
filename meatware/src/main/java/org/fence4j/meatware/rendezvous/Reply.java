package org.fence4j.meatware.rendezvous;

/** What arrived on a meatware FIFO, decoded. */
public sealed interface Reply {

    /**
     * A well-formed {@code meatware reply <host>}.
     *
     * @param host      the node it confirms, lower-cased
     * @param confirmer what followed the host (fence4j writes {@link Confirmer#tokens()}), or empty
     */
    record Confirmation(String host, String confirmer) implements Reply {
        /** Exact (case-insensitive) name match: stricter than cluster-glue's prefix match. */
        public boolean confirms(String target) {
            return host.equalsIgnoreCase(target);
        }
    }

    /** Anything else: the writer closed without confirming, or sent something malformed. */
    record Unusable(String reason) implements Reply {
    }
}
