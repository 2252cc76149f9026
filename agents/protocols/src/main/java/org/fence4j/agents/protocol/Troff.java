package org.fence4j.agents.protocol;

/** Escaping for the man pages generated from the declarations (fence-cli(1), fence_fence4j*(8)). */
public final class Troff {
    private Troff() {
    }

    /** Text safe on a troff line: backslashes and hyphens escaped, no line starting as a request. */
    public static String escape(String text) {
        String t = text.replace("\\", "\\\\").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
