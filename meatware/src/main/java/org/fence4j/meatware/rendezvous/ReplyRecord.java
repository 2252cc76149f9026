package org.fence4j.meatware.rendezvous;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The confirmation record of cluster-glue's meatclient: {@code "meatware reply <host>"}, a C
 * string in a 256-byte buffer written with one {@code write}. meatclient does not clear the
 * buffer, so everything after the first NUL is garbage and is ignored. fence4j writes the rest
 * as NULs and may put {@link Confirmer#tokens()} after the host.
 */
public final class ReplyRecord {
    public static final int SIZE = 256;
    private static final String MEATWARE = "meatware";
    private static final String REPLY = "reply";

    private ReplyRecord() {
    }

    public static byte[] encode(String host, Confirmer confirmer) {
        String head = MEATWARE + " " + REPLY + " " + Hostnames.normalize(host);
        String text = head + " " + confirmer.tokens();
        if (text.length() >= SIZE) {
            text = head;
        }
        byte[] record = new byte[SIZE];
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, record, 0, bytes.length);
        return record;
    }

    /**
     * Decodes what one read returned. cluster-glue parses {@code %s %s %s} and accepts any word
     * starting with "meatware" / "reply"; fence4j requires the two words exactly.
     */
    public static Reply decode(byte[] bytes, int length) {
        if (length <= 0) {
            return new Reply.Unusable("the other side closed the rendezvous without confirming (cancelled)");
        }
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        List<String> words = Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.size() < 3 || !words.get(0).equals(MEATWARE) || !words.get(1).equals(REPLY)) {
            return new Reply.Unusable("format error: expected 'meatware reply <node>', got '" + printable(text) + "'");
        }
        return new Reply.Confirmation(Hostnames.normalize(words.get(2)),
                printable(String.join(" ", words.subList(3, words.size()))));
    }

    private static String printable(String text) {
        String shown = text.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}
