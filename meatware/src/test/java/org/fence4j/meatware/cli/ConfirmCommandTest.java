package org.fence4j.meatware.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.cli.FenceCliCommand;
import org.fence4j.meatware.prompt.FakeConsole;
import org.fence4j.meatware.rendezvous.Confirmer;
import org.fence4j.meatware.rendezvous.FifoListener;
import org.fence4j.meatware.rendezvous.Rendezvous;
import org.fence4j.meatware.rendezvous.Reply;
import org.fence4j.meatware.rendezvous.TestFifos;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfirmCommandTest {
    private static final Confirmer ROOT = new Confirmer("root", "alice", "0", "/dev/pts/4");

    @TempDir(factory = TrustedTempDir.class)
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Optional<FakeConsole> console, String... args) {
        CommandLine cli = new CommandLine(new ConfirmCommand(() -> console.map(c -> c), () -> ROOT));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] args(String... more) {
        String[] all = new String[more.length + 2];
        System.arraycopy(more, 0, all, 0, more.length);
        all[more.length] = "--rendezvous-dir";
        all[more.length + 1] = dir.toString();
        return all;
    }

    @Test
    void isAFenceCliSubcommand() {
        assertThat(ServiceLoader.load(FenceCliCommand.class).stream().map(ServiceLoader.Provider::type))
                .contains(ConfirmCommand.class);
        assertThat(new CommandLine(new ConfirmCommand()).getCommandName()).isEqualTo("confirm");
    }

    @Test
    void helpListsTheExitCodes() {
        CommandLine cli = new CommandLine(new ConfirmCommand());
        String help = cli.getUsageMessage();

        assertThat(help).contains("--yes").contains("--rendezvous-dir").contains("default: /run")
                .contains("Exit codes:").contains("0   the confirmation was delivered")
                .contains("1   not confirmed: nobody is waiting").contains("2   usage error");
    }

    @Test
    void withYesDeliversTheRecordWithWhoConfirmed() throws Exception {
        try (FifoListener waiting = FifoListener.listen(dir, "pm02")) {
            TestFifos.awaitReader("pm02");
            assertThat(run(Optional.empty(), args("PM02", "--yes"))).isZero();

            assertThat(waiting.reply().get(20, TimeUnit.SECONDS))
                    .isEqualTo(new Reply.Confirmation("pm02", "by=root sudo_user=alice uid=0 tty=/dev/pts/4"));
        }
        assertThat(out.toString()).contains("Confirmed: pm02 is down");
    }

    @Test
    void asksForTheNameBackBeforeConfirming() throws Exception {
        FakeConsole console = new FakeConsole().type("y", "pm02");
        try (FifoListener waiting = FifoListener.listen(dir, "pm02")) {
            TestFifos.awaitReader("pm02");
            assertThat(run(Optional.of(console), args("pm02"))).isZero();

            assertThat(waiting.reply().get(20, TimeUnit.SECONDS)).isInstanceOf(Reply.Confirmation.class);
        }
        assertThat(console.screen()).contains("data on shared disks").contains("Refused: type the node name");
    }

    @Test
    void noAtTheQuestionLeavesTheRequestWaiting() throws Exception {
        try (FifoListener waiting = FifoListener.listen(dir, "pm02")) {
            TestFifos.awaitReader("pm02");
            assertThat(run(Optional.of(new FakeConsole().type("no")), args("pm02"))).isEqualTo(1);

            assertThat(err.toString()).contains("Not confirmed: cancelled.");
            assertThat(waiting.reply()).isNotDone();
        }
    }

    @Test
    void nobodyWaitingIsSaidAndExitsOne() {
        assertThat(run(Optional.empty(), args("pm02", "--yes"))).isEqualTo(1);

        assertThat(err.toString()).contains("Nobody is waiting for a confirmation of pm02 (no " + dir + "/meatware.pm02)");
    }

    @Test
    void aFifoLeftByADeadRequestIsNobodyWaiting() throws Exception {
        Process mkfifo = new ProcessBuilder("/usr/bin/mkfifo", "-m", "600", Rendezvous.fifo(dir, "pm02").toString())
                .start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(run(Optional.empty(), args("pm02", "--yes"))).isEqualTo(1);

        assertThat(err.toString()).contains("left over from a request that has ended");
        assertThat(Files.isRegularFile(Rendezvous.fifo(dir, "pm02"))).isFalse();
    }

    @Test
    void withoutATerminalItNeedsYes() throws Exception {
        try (FifoListener waiting = FifoListener.listen(dir, "pm02")) {
            TestFifos.awaitReader("pm02");
            assertThat(run(Optional.empty(), args("pm02"))).isEqualTo(2);

            assertThat(err.toString()).contains("give --yes");
            assertThat(waiting.reply()).isNotDone();
        }
    }

    @Test
    void anUnsafeTargetIsAUsageError() {
        assertThat(run(Optional.empty(), args("../etc/passwd", "--yes"))).isEqualTo(2);

        assertThat(err.toString()).contains("TARGET: expected a node name");
    }
}
