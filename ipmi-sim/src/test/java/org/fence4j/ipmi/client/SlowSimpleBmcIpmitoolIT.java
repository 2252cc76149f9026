package org.fence4j.ipmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.IpmiException;
import org.fence4j.ipmi.IpmiSimLab;
import org.fence4j.ipmi.command.GetChassisStatus;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.Session;
import org.fence4j.ipmi.session.SessionOptions;
import org.fence4j.ipmi.sim.Faults;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fence4j and ipmitool -I lanplus -C 17, an independent peer, read the power through a simulated
 * BMC that answers late and takes a resent Open Session or RAKP 1 as new (simple firmware): fence4j
 * must log in at least as often as ipmitool does, and never say "wrong password" on the way.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SlowSimpleBmcIpmitoolIT {
    private static final int RUNS = 2;
    private static final Duration LEVEL = Duration.ofSeconds(20);
    private SimulatedBmc bmc;

    @AfterEach
    void stop() {
        if (bmc != null) {
            bmc.close();
        }
    }

    /** One peer's runs: the time of each, and why those that failed did. */
    private static final class Tally {
        final List<Duration> times = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        void add(long startNanos, String failure) {
            times.add(Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
            if (failure != null) {
                failures.add(failure);
            }
        }

        int succeeded() {
            return times.size() - failures.size();
        }

        @Override
        public String toString() {
            return succeeded() + "/" + times.size() + " in " + times;
        }
    }

    @ParameterizedTest(name = "answers {0} ms late")
    @ValueSource(ints = {300, 900})
    void fence4jLogsInAtLeastAsOftenAsIpmitool(int lateMillis) throws Exception {
        assumeTrue(IpmiSimLab.onPath("ipmitool"), "ipmitool is not installed (apt-get install ipmitool)");
        bmc = SimulatedBmc.builder().user("admin", Secret.of("secret"), Privilege.ADMINISTRATOR).start();
        bmc.faults().setupResentAsNew(true).fromBmc(new Faults.Direction(0, 0, lateMillis, false));
        Tally ipmitool = new Tally();
        Tally fence4j = new Tally();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            String out = IpmiSimLab.ipmitool(bmc.port(), "secret", "17", "chassis", "power", "status");
            ipmitool.add(start, out.contains("Chassis Power is on") ? null : out.strip());
            start = System.nanoTime();
            fence4j.add(start, fence4jReadsPowerOn());
        }
        System.out.println("answers " + lateMillis + " ms late: fence4j " + fence4j + ", ipmitool -C 17 " + ipmitool);
        assertThat(fence4j.failures).isEmpty();
        assertThat(fence4j.succeeded()).isGreaterThanOrEqualTo(ipmitool.succeeded());
    }

    /** Null when fence4j logged in and read the power on, else why not. */
    private String fence4jReadsPowerOn() throws InterruptedException {
        Deadline deadline = Deadline.after(LEVEL);
        try {
            Session s = new IpmiClient().open(bmc.address(), new Credentials("admin", Secret.of("secret"), null),
                    SessionOptions.defaults().withCipherSuite(17), deadline);
            boolean on = s.execute(new GetChassisStatus(), deadline).powerOn();
            s.close(deadline);
            return on ? null : "read the power off";
        } catch (IpmiException e) {
            return e.getMessage();
        }
    }
}
