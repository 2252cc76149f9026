package org.fence4j.ipmi.command;

/** Chassis Control (Chassis 02h). */
public record ChassisControl(Action action) implements Command<Void> {

    /** The chassis control sub-functions, by their code. */
    public enum Action {
        POWER_DOWN(0x00, "power down"),
        POWER_UP(0x01, "power up"),
        POWER_CYCLE(0x02, "power cycle"),
        HARD_RESET(0x03, "hard reset"),
        SOFT_SHUTDOWN(0x05, "soft shutdown");

        private final int code;
        private final String words;

        Action(int code, String words) {
            this.code = code;
            this.words = words;
        }

        public int code() {
            return code;
        }

        public String words() {
            return words;
        }

        public static java.util.Optional<Action> byCode(int code) {
            return java.util.Arrays.stream(values()).filter(a -> a.code == code).findFirst();
        }
    }

    @Override
    public int netFn() {
        return NetFn.CHASSIS;
    }

    @Override
    public int command() {
        return 0x02;
    }

    @Override
    public byte[] data() {
        return new byte[] {(byte) action.code};
    }

    @Override
    public String name() {
        return "Chassis Control (" + action.words + ")";
    }

    /** Power up and down are idempotent; a cycle or reset sent twice could act twice. */
    @Override
    public boolean resendable() {
        return action == Action.POWER_DOWN || action == Action.POWER_UP || action == Action.SOFT_SHUTDOWN;
    }

    @Override
    public Void parse(byte[] data) {
        return null;
    }
}
