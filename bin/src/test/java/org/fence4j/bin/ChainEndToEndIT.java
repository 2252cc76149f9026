package org.fence4j.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.chain.ChainListener;
import org.fence4j.agents.chain.ChainResult;
import org.fence4j.agents.chain.Fencer;
import org.fence4j.agents.chain.LevelReport;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.config.FenceConfig;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.Secret;
import org.fence4j.helper.TestNamespace;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.sim.SimulatedBmc;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed chain for pm02 with the real agents: helper (real ping into a network namespace that
 * stands for pm02) → ipmi (the simulated BMC on loopback) → meatware (a FIFO in a temp dir).
 */
class ChainEndToEndIT {
    static final int BMC_PORT = 9851;
    static final String PASSWORD = "e2e-bmc-pass";
    @RegisterExtension
    static final TestNamespace.PerClass pm02 = new TestNamespace.PerClass();

    @TempDir(factory = TrustedTempDir.class) // the rendezvous is in it: not under /tmp
    Path dir;
    SimulatedBmc bmc;

    @BeforeEach
    void startBmc() {
        bmc = SimulatedBmc.builder().address(InetAddress.getLoopbackAddress()).port(BMC_PORT)
                .user("admin", Secret.of(PASSWORD), Privilege.ADMINISTRATOR).cipherSuites(Set.of(3, 17))
                .powerOn(true).start();
    }

    @AfterEach
    void stopBmc() {
        bmc.close();
    }

    FenceConfig config() throws Exception {
        Path file = dir.resolve("fence4j.yaml");
        Files.writeString(file, """
                state_dir: %1$s/state
                devices:
                  helper-pm02:
                    agent: helper
                    params: { hostlist: pm02, dead_check_target: %2$s, dead_check_trialcount: 2, run_standby_wait: no }
                  ipmi-pm02:
                    agent: ipmi
                    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: %3$d, userid: admin, passwd_env: E2E_PW,
                              power_timeout: 3 }
                  meatware-pm02:
                    agent: meatware
                    params: { hostlist: pm02, rendezvous_dir: %1$s/run }
                targets:
                  pm02:
                    levels:
                      - { device: helper-pm02,   timeout: 20s }
                      - { device: ipmi-pm02,     timeout: 20s }
                      - { device: meatware-pm02, timeout: 30s }
                """.formatted(dir, pm02.get().peerIpv4, BMC_PORT));
        Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(dir.resolve("run"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return new ConfigLoader(AgentRegistry.load(), Map.of("E2E_PW", PASSWORD)::get).load(file);
    }

    ChainResult reset(FenceConfig config) throws Exception {
        return new Fencer(config, ChainListener.NONE).fence(config.target("pm02").orElseThrow(), FenceAction.RESET,
                "e2e-test", Deadline.after(Duration.ofSeconds(90)), true);
    }

    @Test
    void pm02AliveIsFencedByIpmi() throws Exception {
        pm02.get().setPeerLink(true);
        ChainResult r = reset(config());
        assertThat(r.levels()).extracting(LevelReport::outcome).containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
        assertThat(r.levels().get(0).reason()).contains(pm02.get().peerIpv4 + " answered");
        assertThat(r.succeededBy().orElseThrow().agent()).isEqualTo("ipmi");
        assertThat(bmc.chassisLog()).containsExactly("power down", "power up");
        assertThat(bmc.activeSessions()).isZero();
        assertThat(Fencer.history(dir.resolve("state")).read(Optional.of("pm02"), 1).get(0).device())
                .isEqualTo("ipmi-pm02");
    }

    @Test
    void pm02DeadEndsTheChainAtTheHelper() throws Exception {
        pm02.get().setPeerLink(false);
        try {
            ChainResult r = reset(config());
            assertThat(r.levels()).extracting(LevelReport::outcome).containsExactly(Outcome.SUCCESS);
            assertThat(r.summary()).startsWith("Fencing pm02 succeeded by level 1 (helper)");
            assertThat(bmc.chassisLog()).isEmpty();
            assertThat(bmc.powerOn()).isTrue();
        } finally {
            pm02.get().setPeerLink(true);
        }
    }

    @Test
    void aBmcThatNeverPowersOffLeavesItToTheOperator() throws Exception {
        pm02.get().setPeerLink(true);
        bmc.faults().neverPowerOff(true);
        FenceConfig config = config();
        CompletableFuture<ChainResult> fencing = CompletableFuture.supplyAsync(() -> {
            try {
                return reset(config);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path fifo = dir.resolve("run/meatware.pm02");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!Files.exists(fifo) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(fifo).as("meatware waits for the operator").exists();
        Thread.sleep(300); // the FIFO is being opened for reading
        StringWriter out = new StringWriter();
        int confirmed = FenceCli.run(new String[] {"confirm", "pm02", "--yes", "--rendezvous-dir", dir.resolve("run").toString()},
                new Terminal(new PrintWriter(out, true), new PrintWriter(out, true), k -> null, false));
        assertThat(confirmed).as(out.toString()).isZero();

        ChainResult r = fencing.get(40, TimeUnit.SECONDS);
        assertThat(r.levels()).extracting(LevelReport::outcome)
                .containsExactly(Outcome.FAILURE, Outcome.FAILURE, Outcome.SUCCESS);
        assertThat(r.levels().get(1).reason()).contains("is still powered on");
        assertThat(r.succeededBy().orElseThrow().agent()).isEqualTo("meatware");
    }
}
