package org.fence4j.meatware;

/** The first answer to a waiting request, from the FIFO or from the prompt. */
sealed interface Answer {

    /** @param how who confirmed and by which way, for the history */
    record Confirmed(String how) implements Answer {
    }

    /** @param why why the request ends without confirmation */
    record Refused(String why) implements Answer {
    }
}
