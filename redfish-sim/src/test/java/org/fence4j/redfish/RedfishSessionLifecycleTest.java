package org.fence4j.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.spi.Secret;
import org.fence4j.redfish.sim.SimulatedRedfishBmc;
import org.junit.jupiter.api.Test;

/**
 * The BMC sessions the driver opens are deleted on every path, whatever the BMC names them by, and
 * what the BMC answers to a login never shows the password.
 */
class RedfishSessionLifecycleTest {
    private static final String FIRST_SESSION = "DELETE /redfish/v1/SessionService/Sessions/1";

    private static FenceResult status(RedfishLab lab, String... keyValues) throws Exception {
        return lab.agent(keyValues).execute(FenceAction.STATUS, "pm02", Deadline.after(Duration.ofSeconds(10)));
    }

    @Test
    void theSessionIsDeletedEvenWhenTheActionUsedUpItsDeadline() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().slowSystemReads(Duration.ofSeconds(5));
            FenceResult status = new RedfishLab(bmc).agent().execute(FenceAction.STATUS, "pm02",
                    Deadline.after(Duration.ofMillis(1500)));

            assertThat(status.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(bmc.requests()).contains(FIRST_SESSION);
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void aSessionNamedOnlyByItsIdIsDeletedInTheSessionsCollection() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().sessionLocation("");

            assertThat(status(new RedfishLab(bmc)).power()).isEqualTo(PowerState.ON);
            assertThat(bmc.requests()).contains(FIRST_SESSION);
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void aSessionLocationOnAnotherOriginOrRelativeIsFollowedOnTheConfiguredEndpointOnly() throws Exception {
        // iLO names its own address, which is not ip behind NAT or when ip is a host name
        for (String location : new String[] {"https://127.0.0.2:1/redfish/v1/SessionService/Sessions/{id}",
                "Sessions/{id}"}) {
            try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
                bmc.faults().sessionLocation(location);

                assertThat(status(new RedfishLab(bmc)).power()).as(location).isEqualTo(PowerState.ON);
                assertThat(bmc.requests()).as(location).contains(FIRST_SESSION);
                assertThat(bmc.openSessions()).as(location).isZero();
            }
        }
    }

    @Test
    void aSessionIsDeletedWhenWhatFollowsTheLoginFails() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().sessionLocation("ftp://127.0.0.1/redfish/v1/SessionService/Sessions/{id}");
            FenceResult status = status(new RedfishLab(bmc));

            assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(status.message()).contains("ftp://", "refused");
            assertThat(bmc.requests()).contains(FIRST_SESSION);
            assertThat(bmc.openSessions()).isZero();
        }
    }

    @Test
    void aLostAnswerToTheLoginIsSaidInTheFailureWithTheSessionItMayHaveLeft() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().dropLoginAnswers(true);
            FenceResult status = status(new RedfishLab(bmc), "password", "not-the-password");

            assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(status.message()).contains("authentication failed", "the answer to the login",
                    "until its session timeout").doesNotContain("not-the-password");
        }
    }

    @Test
    void aBmcThatQuotesThePasswordInItsErrorNeverHasItShown() throws Exception {
        try (SimulatedRedfishBmc bmc = RedfishLab.bmc().start()) {
            bmc.faults().echoLoginPassword(true);
            FenceResult status = status(new RedfishLab(bmc));

            assertThat(status.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(status.message()).contains("The value '" + Secret.MASK + "' for the property Password")
                    .doesNotContain(RedfishLab.PASSWORD);
        }
    }
}
