package org.fence4j.ipmi.agent;

import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.PowerConnection;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.ipmi.command.ChassisControl.Action;

/** A session with the BMC as a power driver: Get Chassis Status and Chassis Control. */
record BmcConnection(BlockingSession bmc, int cipherSuite) implements PowerConnection {

    @Override
    public PowerState readPower(Deadline by) throws InterruptedException {
        return bmc.powerOn(by) ? PowerState.ON : PowerState.OFF;
    }

    @Override
    public void setPower(boolean on, Deadline by) throws InterruptedException {
        bmc.control(on ? Action.POWER_UP : Action.POWER_DOWN, by);
    }

    @Override
    public boolean cycles() {
        return true;
    }

    /** Chassis Control power cycle is not resendable: a lost answer is never followed by a second cycle. */
    @Override
    public void cycle(Deadline by) throws InterruptedException {
        bmc.control(Action.POWER_CYCLE, by);
    }

    @Override
    public String device() {
        return "the BMC";
    }

    @Override
    public String details() {
        return "cipher suite " + cipherSuite;
    }

    @Override
    public void close() {
        bmc.close();
    }
}
