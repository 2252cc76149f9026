package org.fence4j.redfish.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated ComputerSystem's power: On or Off, and between them PoweringOn or PoweringOff for
 * the transition delay; a cycle (ForceRestart, PowerCycle) is off for a while, then on again.
 */
final class SimSystem {
    private final String id;
    private final List<String> resets = new CopyOnWriteArrayList<>();
    private boolean on;
    /** The state being reached, and when (System.nanoTime); when false, none. */
    private boolean changing;
    private boolean target;
    private long settlesAt;
    /** A cycle's power up, when one is due. */
    private boolean backOnDue;
    private long backOnAt;

    SimSystem(String id, boolean on) {
        this.id = id;
        this.on = on;
    }

    String id() {
        return id;
    }

    /** The reset types received, in order. */
    List<String> resets() {
        return List.copyOf(resets);
    }

    synchronized String powerState() {
        settle(System.nanoTime());
        if (changing) {
            return target ? "PoweringOn" : "PoweringOff";
        }
        return on ? "On" : "Off";
    }

    synchronized void setPower(boolean power) {
        changing = false;
        backOnDue = false;
        on = power;
    }

    void received(String resetType) {
        resets.add(resetType);
    }

    /** Switches to {@code power} after {@code delay}; with {@code backOnAfter}, on again that long after. */
    synchronized void switchTo(boolean power, Duration delay, Duration backOnAfter) {
        long now = System.nanoTime();
        settle(now);
        if (delay.isZero()) {
            on = power;
            changing = false;
        } else {
            changing = true;
            target = power;
            settlesAt = now + delay.toNanos();
        }
        backOnDue = backOnAfter != null;
        if (backOnDue) {
            backOnAt = now + delay.toNanos() + backOnAfter.toNanos();
        }
    }

    private void settle(long now) {
        if (changing && now - settlesAt >= 0) {
            on = target;
            changing = false;
        }
        if (backOnDue && !changing && now - backOnAt >= 0) {
            on = true;
            backOnDue = false;
        }
    }
}
