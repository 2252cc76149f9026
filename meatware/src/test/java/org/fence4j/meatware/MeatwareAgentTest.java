package org.fence4j.meatware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.Outcome;
import org.fence4j.agents.spi.PowerState;
import org.fence4j.agents.testing.FakeClock;
import org.fence4j.meatware.prompt.FakeConsole;
import org.fence4j.meatware.prompt.OperatorConsole;
import org.fence4j.meatware.rendezvous.Confirmer;
import org.fence4j.meatware.rendezvous.FifoDelivery;
import org.fence4j.meatware.rendezvous.Rendezvous;
import org.fence4j.meatware.rendezvous.ReplyRecord;
import org.fence4j.meatware.rendezvous.TestFifos;
import org.fence4j.meatware.rendezvous.TrustedTempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeatwareAgentTest {
    private static final Confirmer ALICE = new Confirmer("alice", null, "1000", "/dev/pts/3");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T16:30:00Z"), ZoneOffset.UTC);
    private static final long RESULT_SECONDS = 20;

    @TempDir(factory = TrustedTempDir.class)
    Path dir;
    private final FakeClock clock = new FakeClock();
    /** What the agent told syslog. */
    private final BlockingQueue<String> alerts = new LinkedBlockingQueue<>();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private MeatwareAgent agent(Optional<OperatorConsole> console) {
        return new MeatwareAgent(List.of("pm01", "pm02"),
                new OperatorWait(dir, Duration.ofSeconds(600), () -> console, () -> ALICE, CLOCK, alerts::add));
    }

    private MeatwareAgent agent() {
        return agent(Optional.empty());
    }

    private Path fifo(String host) {
        return Rendezvous.fifo(dir, host);
    }

    private static CompletableFuture<FenceResult> start(MeatwareAgent agent, FenceAction action, String target) {
        CompletableFuture<FenceResult> result = new CompletableFuture<>();
        Thread t = new Thread(() -> result.complete(agent.execute(action, target, Deadline.after(Duration.ofMinutes(5)))));
        t.setDaemon(true);
        t.start();
        return result;
    }

    private static FenceResult result(CompletableFuture<FenceResult> r) throws Exception {
        return r.get(RESULT_SECONDS, TimeUnit.SECONDS);
    }

    /** {@code action} on pm02 through {@code agent}, answered with {@code line} on its FIFO once the agent waits. */
    private FenceResult answeredThroughTheFifo(MeatwareAgent agent, FenceAction action, String line) throws Exception {
        CompletableFuture<FenceResult> r = start(agent, action, "pm02");
        TestFifos.awaitReader("pm02");
        assertThat(TestFifos.write(fifo("pm02"), line)).isEqualTo(FifoDelivery.Result.DELIVERED);
        return result(r);
    }

    @Test
    void aConfirmationThroughTheFifoIsSuccessRecordingWhoAndWhen() throws Exception {
        CompletableFuture<FenceResult> r = start(agent(), FenceAction.RESET, "PM02");
        TestFifos.awaitReader("pm02");
        // told before anyone confirmed, with the commands that confirm
        assertThat(alerts.poll(RESULT_SECONDS, TimeUnit.SECONDS)).startsWith("OPERATOR INTERVENTION REQUIRED to reset"
                + " pm02. Do it by hand, then confirm: fence-cli confirm pm02 --rendezvous-dir " + dir + ". Waiting up to");

        assertThat(FifoDelivery.deliver(fifo("pm02"), ReplyRecord.encode("pm02", ALICE)))
                .isEqualTo(FifoDelivery.Result.DELIVERED);

        FenceResult result = result(r);
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains("pm02").contains("by=alice uid=1000 tty=/dev/pts/3")
                .contains("2026-11-25T16:30:00Z").contains(fifo("pm02").toString());
        assertThat(fifo("pm02")).doesNotExist();
    }

    @Test
    void aBareClusterGlueRecordSaysTheConfirmerIsUnknown() throws Exception {
        FenceResult result = answeredThroughTheFifo(agent(), FenceAction.OFF, "meatware reply pm02");

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains("does not say who");
    }

    @Test
    void theFifoIsOwnerOnlyWhileWaiting() throws Exception {
        CompletableFuture<FenceResult> r = start(agent(), FenceAction.RESET, "pm02");
        TestFifos.awaitReader("pm02");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo("pm02"), LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
        assertThat(Files.isRegularFile(fifo("pm02"))).isFalse();
        assertThat(TestFifos.write(fifo("pm02"), "meatware reply pm02")).isEqualTo(FifoDelivery.Result.DELIVERED);
        assertThat(result(r).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aConfirmationForAnotherTargetIsNeverTaken() throws Exception {
        FenceResult result = answeredThroughTheFifo(agent(), FenceAction.RESET, "meatware reply pm01");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("confirmation for pm01").contains("not taken for pm02");
    }

    @Test
    void aPrefixOfTheTargetIsNotAConfirmationUnlikeClusterGlue() throws Exception {
        FenceResult result = answeredThroughTheFifo(agent(), FenceAction.RESET, "meatware reply pm");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void aWriterThatHangsUpCancels() throws Exception {
        CompletableFuture<FenceResult> r = start(agent(), FenceAction.RESET, "pm02");
        TestFifos.awaitReader("pm02");

        TestFifos.connectAndHangUp(fifo("pm02"));

        FenceResult result = result(r);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("without confirming");
    }

    @Test
    void garbageIsAFailure() throws Exception {
        FenceResult result = answeredThroughTheFifo(agent(), FenceAction.RESET, "ok go ahead");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("format error");
    }

    @Test
    void noAnswerByTheDeadlineIsATimeoutWhileShowingElapsedAndRemainingTime() {
        FakeConsole console = new FakeConsole();
        MeatwareAgent agent = new MeatwareAgent(List.of("pm02"), new OperatorWait(dir, Duration.ofSeconds(3),
                () -> Optional.of(console), () -> ALICE, CLOCK, alerts::add));

        FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(60), clock));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.message()).contains("pm02 is NOT known to be fenced").contains("within 0:03");
        assertThat(console.statusLines()).containsExactly(
                "Waiting for the confirmation of pm02: 0:01 elapsed, 0:02 left.",
                "Waiting for the confirmation of pm02: 0:02 elapsed, 0:01 left.");
        assertThat(fifo("pm02")).doesNotExist();
    }

    @Test
    void theLevelDeadlineEndsTheWaitWhenShorterThanWaitTimeout() {
        MeatwareAgent agent = new MeatwareAgent(List.of("pm02"), new OperatorWait(dir, Duration.ofSeconds(600),
                Optional::empty, () -> ALICE, CLOCK, alerts::add));

        FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(2), clock));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(alerts).containsExactly("OPERATOR INTERVENTION REQUIRED to reset pm02. Do it by hand, then confirm:"
                + " fence-cli confirm pm02 --rendezvous-dir " + dir + ". Waiting up to 0:02.");
    }

    @Test
    void anInterruptIsACancellationByTheOperatorAndStaysVisibleToTheCaller() {
        // interrupted once the wait has begun (the operator is alerted then): the clock's next sleep throws
        MeatwareAgent agent = new MeatwareAgent(List.of("pm02"), new OperatorWait(dir, Duration.ofSeconds(600),
                Optional::empty, () -> ALICE, CLOCK, alert -> Thread.currentThread().interrupt()));

        FenceResult result = agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(60), clock));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).startsWith("Cancelled by operator");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(fifo("pm02")).doesNotExist();
    }

    @Test
    void anInterruptOfTheWaitingThreadEndsTheRealWait() throws Exception {
        CompletableFuture<FenceResult> result = new CompletableFuture<>();
        Thread waiting = new Thread(() -> result.complete(agent().execute(FenceAction.RESET, "pm02",
                Deadline.after(Duration.ofMinutes(5)))));
        waiting.setDaemon(true);
        waiting.start();
        TestFifos.awaitReader("pm02");

        waiting.interrupt();

        assertThat(result(result).message()).startsWith("Cancelled by operator");
        assertThat(result(result).outcome()).isEqualTo(Outcome.FAILURE);
        waiting.join(TimeUnit.SECONDS.toMillis(RESULT_SECONDS));
        assertThat(fifo("pm02")).doesNotExist();
    }

    @Test
    void theOperatorConfirmsAtThePromptByTypingTheName() throws Exception {
        FakeConsole console = new FakeConsole().type("pm01", "yes", "pm02");

        FenceResult result = agent(Optional.of(console))
                .execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofMinutes(5)));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains("at the fence-cli prompt (by=alice uid=1000 tty=/dev/pts/3)");
        assertThat(console.screen()).contains("OPERATOR INTERVENTION REQUIRED to reset pm02.")
                .contains("fence-cli confirm pm02 --rendezvous-dir " + dir)
                .contains("data on shared disks").contains("Refused: \"pm01\" is not pm02.")
                .contains("Waiting for the confirmation of pm02: 0:00 elapsed");
        assertThat(fifo("pm02")).doesNotExist();
    }

    @Test
    void noAtThePromptIsAFailure() throws Exception {
        FakeConsole console = new FakeConsole().type("no");

        FenceResult result = agent(Optional.of(console))
                .execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofMinutes(5)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).startsWith("Cancelled by operator at the prompt");
    }

    @Test
    void theFifoAnswersWhileThePromptWaits() throws Exception {
        FakeConsole console = new FakeConsole();
        FenceResult result = answeredThroughTheFifo(agent(Optional.of(console)), FenceAction.RESET,
                "meatware reply pm02 by=bob uid=0 tty=/dev/pts/7");

        assertThat(result.message()).contains("by=bob");
    }

    @Test
    void aStaleFifoOrFileOfADeadRequestIsReplaced() throws Exception {
        Files.writeString(fifo("pm02"), "left over");
        Files.setPosixFilePermissions(fifo("pm02"), PosixFilePermissions.fromString("rw-rw-rw-"));
        FenceResult result = answeredThroughTheFifo(agent(), FenceAction.RESET, "meatware reply pm02");

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aSecondWaitForTheSameTargetIsRefusedAndTheFirstGoesOn() throws Exception {
        CompletableFuture<FenceResult> first = start(agent(), FenceAction.RESET, "pm02");
        TestFifos.awaitReader("pm02");

        FenceResult second = agent().execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(5)));

        assertThat(second.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(second.message()).contains("another fence4j request is already waiting");
        assertThat(TestFifos.write(fifo("pm02"), "meatware reply pm02")).isEqualTo(FifoDelivery.Result.DELIVERED);
        assertThat(result(first).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void logsTheInterventionOnceAtErrorLevelWithHowToConfirm() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MeatwareAgent agent = new MeatwareAgent(List.of("pm02"), new OperatorWait(dir, Duration.ofSeconds(1), Optional::empty, () -> ALICE, CLOCK, alerts::add));
            agent.execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(1), clock));
        } finally {
            System.setErr(saved);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).containsOnlyOnce("OPERATOR INTERVENTION REQUIRED to reset pm02.")
                .contains("ERROR").contains("fence-cli confirm pm02 --rendezvous-dir " + dir);
    }

    @Test
    void refusesADirectoryOthersCanSwapTheFifoIn() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        FenceResult result = agent().execute(FenceAction.RESET, "pm02", Deadline.after(Duration.ofSeconds(5)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("the rendezvous directory " + dir + " is not safe: " + dir
                + " is writable by group or others (mode 0777)");
        assertThat(fifo("pm02")).doesNotExist();
    }

    @Test
    void namesMeatclientOnlyForClusterGluesRendezvousDirectory() {
        assertThat(OperatorWait.howToConfirm(Rendezvous.DEFAULT_DIR, "pm02"))
                .isEqualTo("fence-cli confirm pm02 (or meatclient -c pm02)");
        assertThat(OperatorWait.howToConfirm(Path.of("/srv/x"), "pm02"))
                .isEqualTo("fence-cli confirm pm02 --rendezvous-dir /srv/x");
    }

    @Test
    void refusesNodesOutsideTheHostlist() {
        FenceResult result = agent().execute(FenceAction.RESET, "pm03", Deadline.after(Duration.ofSeconds(5)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.message()).contains("pm03 is not in").contains("pm01 pm02");
        assertThat(fifo("pm03")).doesNotExist();
    }

    @Test
    void onIsRefusedAndStatusMonitorListAnswerWithoutWaiting() {
        MeatwareAgent agent = agent();
        Deadline d = Deadline.after(Duration.ofSeconds(5));

        assertThat(agent.execute(FenceAction.ON, "pm02", d).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(agent.execute(FenceAction.STATUS, "pm02", d))
                .extracting(FenceResult::outcome, FenceResult::power).containsExactly(Outcome.SUCCESS, PowerState.UNKNOWN);
        assertThat(agent.execute(FenceAction.MONITOR, null, d).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(agent.targets()).containsExactly("pm01", "pm02");
        assertThat(fifo("pm02")).doesNotExist();
    }
}
