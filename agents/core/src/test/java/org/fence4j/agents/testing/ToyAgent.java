package org.fence4j.agents.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Secret;

/** One configured toy device; see {@link ToyAgentProvider}. */
final class ToyAgent implements FenceAgent {
    /** How long mode=hang blocks at most if nobody interrupts it. */
    private static final Duration HANG_LIMIT = Duration.ofMinutes(5);

    private final List<String> hosts;
    private final ToyDevice device;
    private final Secret password;
    private final long waitMillis;
    private final String mode;

    ToyAgent(List<String> hosts, ToyDevice device, Secret password, long waitMillis, String mode) {
        this.hosts = hosts;
        this.device = device;
        this.password = password;
        this.waitMillis = waitMillis;
        this.mode = mode;
    }

    @Override
    public FenceResult execute(FenceAction action, String target, Deadline deadline) throws InterruptedException {
        boolean recorded = device.usable();
        if (recorded) {
            device.record("start " + action.word() + " " + target);
        }
        try {
            return answer(action, target, deadline);
        } finally {
            if (recorded) {
                device.record("end " + action.word() + " " + target);
            }
        }
    }

    private FenceResult answer(FenceAction action, String target, Deadline deadline) throws InterruptedException {
        switch (mode) {
            case "fail" -> {
                return FenceResult.failure("toy device refused " + action.word() + " (mode=fail)");
            }
            case "hang" -> {
                // a device that never answers and an agent that ignores its deadline: only an interrupt ends it
                Thread.sleep(HANG_LIMIT.toMillis());
                return FenceResult.failure("toy device never answered");
            }
            default -> {
                // normal
            }
        }
        if (!password.matches(ToyAgentProvider.PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            return FenceResult.failure("toy device denied the login (wrong password)");
        }
        if (!device.usable()) {
            return FenceResult.failure("toy device state directory " + device.dir() + " is not a writable directory");
        }
        if (action == FenceAction.MONITOR) {
            return FenceResult.success("toy device is ready");
        }
        if (target == null || !hosts.contains(target)) {
            return FenceResult.failure(target + " is not in this device's hostlist " + hosts);
        }
        return switch (action) {
            case STATUS -> FenceResult.power(device.power(target), target + " is powered "
                    + device.power(target).name().toLowerCase(Locale.ROOT));
            case OFF -> turn(target, PowerState.OFF, deadline);
            case ON -> turn(target, PowerState.ON, deadline);
            case RESET -> reset(target, deadline);
            default -> FenceResult.failure("toy device cannot " + action.word());
        };
    }

    private FenceResult turn(String target, PowerState state, Deadline deadline) throws InterruptedException {
        if (!change(target, state, deadline)) {
            return FenceResult.timeout(target + " did not reach power " + state + " in time");
        }
        device.log(state.name().toLowerCase(Locale.ROOT) + " " + target);
        return readBack(target, state);
    }

    /**
     * Off, confirmed off, then on: success once the target was seen off, and that read-back (off) is the
     * power reported, as the chain accepts no fencing success that reads power on.
     */
    private FenceResult reset(String target, Deadline deadline) throws InterruptedException {
        if (!change(target, PowerState.OFF, deadline)) {
            return FenceResult.timeout(target + " did not power off in time");
        }
        if (device.power(target) != PowerState.OFF) {
            return FenceResult.failure(target + " did not power off");
        }
        device.setPower(target, PowerState.ON);
        device.log("reset " + target);
        return FenceResult.power(PowerState.OFF, target + " was reset");
    }

    private boolean change(String target, PowerState state, Deadline deadline) throws InterruptedException {
        if (waitMillis > deadline.remainingMillis()) {
            return false;
        }
        Thread.sleep(waitMillis);
        device.setPower(target, state);
        return true;
    }

    private FenceResult readBack(String target, PowerState expected) {
        PowerState now = device.power(target);
        return now == expected
                ? FenceResult.power(now, target + " is powered " + expected.name().toLowerCase(Locale.ROOT))
                : FenceResult.failure(target + " reads back as " + now + ", expected " + expected);
    }

    @Override
    public List<String> targets() {
        return hosts;
    }
}
