package org.fence4j.toydriver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fence4j.agents.chain.Fencer;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.cli.FenceCli;
import org.fence4j.agents.cli.Terminal;
import org.fence4j.agents.config.AgentRegistry;
import org.fence4j.agents.protocol.external.ExternalPlugin;
import org.fence4j.agents.protocol.fenceagents.FenceAgentsCommand;
import org.fence4j.agents.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second power driver, of two classes and no line in agents/ or bin/ for it, is a whole agent:
 * a fence_* agent and an external plugin with their metadata and man page, a fence-cli chain level,
 * the core's sequence (off, read back, on), and a failed fence when its power never reads off.
 */
class ToyDriverThroughEveryFrontEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private String params(boolean stuckOn) {
        return "hostname=pm02\nstate_dir=" + dir + "\nstuck_on=" + (stuckOn ? "1" : "0") + "\n";
    }

    private ChildProcess.Result fenceAgent(String stdin) {
        return ChildProcess.run(ChildProcess.java(FenceAgentsCommand.class, List.of("toypower")),
                Map.of("FENCE4J_STATE_DIR", history().toString()), stdin, LIMIT);
    }

    /** The agents' state directory: each of their power actions is recorded in its history. */
    private Path history() {
        return dir.resolve("history");
    }

    private List<String> actions() throws Exception {
        Path log = dir.resolve("actions.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void aFenceAgentRebootsThroughTheCoresSequence() throws Exception {
        ChildProcess.Result reboot = fenceAgent("action=reboot\nplug=pm02\n" + params(false));
        assertThat(reboot.exitCode()).as(reboot.all()).isZero();
        assertThat(reboot.stdout()).isEqualTo("Success: Rebooted\n");
        assertThat(actions()).containsExactly("off pm02", "on pm02");

        ChildProcess.Result status = fenceAgent("action=status\nplug=pm02\n" + params(false));
        assertThat(status.stdout()).isEqualTo("Status: ON\n");
        ChildProcess.Result other = fenceAgent("action=off\nplug=pm03\n" + params(false));
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.stderr()).contains("this device fences pm02, not pm03.");
        // the reboot and the refused off are in the history fence-cli reads; the status is not
        assertThat(Fencer.history(history()).read(Optional.empty(), 10)).extracting(e -> e.target() + " " + e.action()
                + " " + e.outcome() + " " + e.device() + " " + e.proof()).containsExactly(
                        "pm02 reset SUCCESS fence_toypower POWER_READ_OFF", "pm03 off FAILURE fence_toypower NONE");
    }

    @Test
    void aPowerThatNeverReadsOffIsAFailedFence() throws Exception {
        ChildProcess.Result off = fenceAgent("action=off\nplug=pm02\npower_timeout=1\n" + params(true));
        assertThat(off.exitCode()).as(off.all()).isEqualTo(1);
        assertThat(off.stdout()).doesNotContain("Success");
        assertThat(off.stderr()).contains("ERROR: Failed: pm02 is still powered on 1 s after power down",
                "the toy device did not switch it off");
        assertThat(actions()).containsExactly("off pm02");
    }

    @Test
    void anExternalPluginResetsAndListsItsOptions() throws Exception {
        Map<String, String> env = Map.of("hostname", "pm02", "state_dir", dir.toString(), "FENCE4J_STATE_DIR",
                history().toString());
        ChildProcess.Result reset = ChildProcess.run(ChildProcess.java(ExternalPlugin.class, List.of("toypower",
                "reset", "pm02")), env, "", LIMIT);
        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(actions()).containsExactly("off pm02", "on pm02");
        assertThat(Fencer.history(history()).read(Optional.empty(), 10)).extracting(e -> e.device() + " " + e.outcome())
                .containsExactly("external/fence4j-toypower SUCCESS");
        ChildProcess.Result names = ChildProcess.run(ChildProcess.java(ExternalPlugin.class, List.of("toypower",
                "getconfignames")), env, "", LIMIT);
        assertThat(names.stdout().lines()).contains("hostname", "state_dir", "stuck_on", "method", "power_wait",
                "power_timeout");
    }

    @Test
    void metadataAndManPageAreDerivedFromTheDeclaration() {
        ChildProcess.Result metadata = fenceAgent("action=metadata\n");
        assertThat(metadata.stdout()).contains("<resource-agent name=\"fence_toypower\"",
                "<parameter name=\"state_dir\"", "<parameter name=\"power_timeout\"", "<action name=\"reboot\"");
        String page = FenceAgentsCommand.manPages(AgentRegistry.load()).get("fence_fence4j_toypower.8");
        assertThat(page).contains("fence_fence4j_toypower", "state_dir", "stuck_on");
    }

    @Test
    void aFenceCliChainLevel() throws Exception {
        Path config = dir.resolve("fence4j.yaml");
        Files.writeString(config, """
                state_dir: %s
                devices:
                  toy-pm02: { agent: toypower, params: { hostname: pm02, state_dir: %s } }
                targets:
                  pm02: { levels: [ { device: toy-pm02, timeout: 20s } ] }
                """.formatted(dir.resolve("history"), dir));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = System.getenv(TargetLocks.DIR_VARIABLE) == null ? Map.of()
                : Map.of(TargetLocks.DIR_VARIABLE, System.getenv(TargetLocks.DIR_VARIABLE));
        int code = FenceCli.run(new String[] {"--config", config.toString(), "reset", "pm02"},
                new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), env::get, false));
        assertThat(code).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("Level 1 toy-pm02 (toypower): SUCCESS",
                "pm02 was powered off and is powered on again.");
        assertThat(actions()).containsExactly("off pm02", "on pm02");
    }
}
