package org.fence4j.agents.power;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.PowerDriver;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.FakeClock;

/**
 * A second power driver, in fake time: a machine whose device obeys, lies (acknowledges and stays
 * on), flips late, cycles briefly, or throws. What the power will read next is a script that the
 * device's commands append to; every read costs {@link #readTakes} of fake time.
 */
final class ToyPowerDriver implements PowerDriver {

    /** The deadlines' clock: the sequencer's pauses are its sleeps. */
    final FakeClock clock = new FakeClock();
    private final Deque<PowerState> upcoming = new ArrayDeque<>();
    /** Every call, in order: "read", "set on", "set off", "cycle". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    PowerState power = PowerState.ON;
    Duration readTakes = Duration.ofMillis(2);
    /** Power down and cycle are acknowledged and ignored: the device lies. */
    boolean staysOn;
    /** Power up is acknowledged and ignored: the machine does not come back. */
    boolean staysOff;
    /** A switch shows only after this many further reads. */
    int lateReads;
    /** A cycle reads off for this many reads, then on again. */
    int cycleOffReads = 2;
    boolean canCycle = true;
    /** Reads answer this instead of the power (UNKNOWN: the device cannot tell). */
    PowerState readsAs;
    RuntimeException readFails;
    /** A read answered after its deadline fails, as a real device's would ("no answer ... deadline reached"). */
    boolean readsOnlyBy;
    RuntimeException setOnFails;
    RuntimeException cycleFails;

    Deadline deadline(Duration after) {
        return Deadline.after(after, clock);
    }

    @Override
    public PowerState readPower(Deadline by) {
        calls.add("read");
        clock.advance(readTakes);
        if (readsOnlyBy && by.expired()) {
            throw new IllegalStateException("no answer to the read (deadline reached)");
        }
        if (readFails != null) {
            throw readFails;
        }
        PowerState now = upcoming.isEmpty() ? power : upcoming.poll();
        return readsAs != null ? readsAs : now;
    }

    @Override
    public void setPower(boolean on, Deadline by) {
        calls.add(on ? "set on" : "set off");
        if (on && setOnFails != null) {
            throw setOnFails;
        }
        if (on ? staysOff : staysOn) {
            return;
        }
        late();
        power = on ? PowerState.ON : PowerState.OFF;
    }

    @Override
    public boolean cycles() {
        return canCycle;
    }

    @Override
    public void cycle(Deadline by) {
        calls.add("cycle");
        if (cycleFails != null) {
            throw cycleFails;
        }
        if (staysOn) {
            return;
        }
        late();
        for (int i = 0; i < cycleOffReads; i++) {
            upcoming.add(PowerState.OFF);
        }
        power = PowerState.ON;
    }

    private void late() {
        for (int i = 0; i < lateReads; i++) {
            upcoming.add(power);
        }
    }
}
