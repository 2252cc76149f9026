package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.fence4j.agents.requester.Requester;

/**
 * Who confirmed: the user, the sudo user if any, the uid and the terminal. Appended to the
 * reply record after the host; cluster-glue's meatware reads only the first three tokens
 * (verified against the installed plugin), so the record stays compatible. It is what the
 * confirming process says about itself, for the history; the FIFO's owner-only permissions are
 * what restrict who can confirm.
 */
public record Confirmer(String user, String sudoUser, String uid, String tty) {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._/:@+-]");

    public Confirmer {
        user = clean(user);
        sudoUser = sudoUser == null || sudoUser.isBlank() ? null : clean(sudoUser);
        uid = clean(uid);
        tty = clean(tty);
    }

    /** The user of this process, as the operating system knows it. */
    public static Confirmer current() {
        return of(System.getProperty("user.name", "?"), System.getenv(), Path.of("/proc/self"));
    }

    static Confirmer of(String user, Map<String, String> env, Path procSelf) {
        return new Confirmer(user, env.get("SUDO_USER"), uid(procSelf), Requester.terminal(procSelf).orElse("none"));
    }

    /** Space-separated {@code key=value} tokens, as written after the host in the record. */
    public String tokens() {
        return "by=" + user + (sudoUser == null ? "" : " sudo_user=" + sudoUser) + " uid=" + uid + " tty=" + tty;
    }

    private static String uid(Path procSelf) {
        try {
            return String.valueOf(Files.getAttribute(procSelf, "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String clean(String value) {
        String v = value == null || value.isEmpty() ? "?" : UNSAFE.matcher(value).replaceAll("_");
        return v.length() > 32 ? v.substring(0, 32) : v;
    }
}
