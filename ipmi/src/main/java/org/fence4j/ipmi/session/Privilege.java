package org.fence4j.ipmi.session;

import java.util.Locale;

/** Session privilege levels a fencing client may ask for. */
public enum Privilege {
    CALLBACK(1), USER(2), OPERATOR(3), ADMINISTRATOR(4);

    private final int level;

    Privilege(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Privilege> byLevel(int level) {
        return java.util.Arrays.stream(values()).filter(p -> p.level == level).findFirst();
    }
}
