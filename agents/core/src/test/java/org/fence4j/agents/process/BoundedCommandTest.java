package org.fence4j.agents.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fence4j.agents.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real commands through /bin/sh: what they print and exit with, the bounds, and the kill of the whole session. */
class BoundedCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Far longer than any test here may take: a command still running after it was not stopped in time. */
    private static final Duration LONG_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(
                row("the exit code", () -> sh("exit 3"), 3, "", ""),
                row("stdout and stderr apart", () -> sh("echo out; echo err >&2; echo more"), 0, "out\nmore\n",
                        "err\n"),
                row("stdin is /dev/null", () -> sh("readlink /proc/$$/fd/0"), 0, "/dev/null\n", ""),
                row("stdin bytes, then its end", () -> BoundedCommand.of("cat").stdin("a record".getBytes()), 0,
                        "a record", ""),
                row("an environment variable more", () -> sh("echo $LC_ALL").environment("LC_ALL", "C"), 0, "C\n", ""),
                row("stdout up to its first line end", () -> sh("echo one; echo two").firstLineOnly(), 0, "one\n", ""),
                row("a session of its own, which it leads",
                        () -> sh("[ \"$(cut -d' ' -f6 /proc/$$/stat)\" = $$ ] && echo leader"), 0, "leader\n", ""),
                row("output up to the bound", () -> sh("printf 12345; printf abc >&2").maxOutput(5), 0, "12345",
                        "abc"));
    }

    private static Arguments row(String what, Supplier<BoundedCommand> command, int exitCode, String stdout,
            String stderr) {
        return Arguments.of(what, command, exitCode, stdout, stderr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void runs(String what, Supplier<BoundedCommand> command, int exitCode, String stdout, String stderr)
            throws Exception {
        BoundedCommand.Result result = command.get().run(LIMIT);

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.stdoutText()).isEqualTo(stdout);
        assertThat(result.stderr()).isEqualTo(stderr);
    }

    @Test
    void aFedCommandReadsEachLineAsItIsWrittenAndEndsWhenTheInputIsClosed() throws Exception {
        Path copy = dir.resolve("copy");
        Path done = dir.resolve("done");
        // its limit counts from the end of its input, not from its start: a request's lines may come over
        // minutes. The first line is taken only after longer than the limit, with the input still open.
        String slowFirst = "read -r first; sleep 0.3; echo \"$first\" >> " + copy
                + "; while read -r line; do echo \"$line\" >> " + copy + "; done; touch " + done;
        try (BoundedCommand.Feed feed = sh(slowFirst).feed(Duration.ofMillis(200))) {
            assertThat(feed.write("first")).isTrue();
            // before the next line
            Await.until("the first line copied", () -> Files.exists(copy) && read(copy).equals("first\n"), LIMIT);
            assertThat(feed.write("second")).isTrue();
        }
        Await.until(done + " written", () -> Files.exists(done), LIMIT);
        assertThat(read(copy)).isEqualTo("first\nsecond\n");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void theLastOutputOfACommandThatExitedIsReadWholeAfterItsSessionIsKilled() throws Exception {
        // its output is still in the pipe when it exits: ending the session must not close what the readers read
        for (int i = 0; i < 30; i++) {
            BoundedCommand.Result result = sh("head -c 60000 /dev/zero | tr '\\0' a; echo err >&2").run(LIMIT);
            assertThat(result.stdout()).hasSize(60000);
            assertThat(result.stderr()).isEqualTo("err\n");
        }
    }

    @Test
    void messagesAreStderrAndStdoutTrimmed() throws Exception {
        assertThat(sh("echo said; echo failed >&2; exit 1").run(LIMIT).messages()).isEqualTo("failed\nsaid");
    }

    @Test
    void oneByteMoreThanTheBoundIsAFailure() {
        assertThatThrownBy(() -> sh("printf 123456").maxOutput(5).run(LIMIT))
                .isInstanceOf(IOException.class)
                .hasMessage("/bin/sh printed more than 5 bytes on stdout and was killed");
        assertThatThrownBy(() -> sh("echo 123456").firstLineOnly().maxOutput(6).run(LIMIT))
                .hasMessage("/bin/sh printed more than 6 bytes on its first line and was killed");
    }

    @Test
    void anEndlessPrinterIsStoppedAtOnceNotAtItsTimeLimit() {
        assertTimeoutPreemptively(LIMIT, () -> {
            assertThatThrownBy(() -> BoundedCommand.of("cat", "/dev/zero").run(LONG_LIMIT))
                    .hasMessage("cat printed more than 65536 bytes on stdout and was killed");
            assertThatThrownBy(() -> sh("cat /dev/zero >&2").named("it").run(LONG_LIMIT))
                    .hasMessage("it printed more than 65536 bytes on stderr and was killed");
            assertThatThrownBy(() -> BoundedCommand.of("cat", "/dev/zero").firstLineOnly().run(LONG_LIMIT))
                    .hasMessage("cat printed more than 65536 bytes on its first line and was killed");
        });
    }

    @Test
    void whenItsTimeIsUpItsWholeSessionIsKilled() throws Exception {
        Path pids = dir.resolve("pids");
        BoundedCommand sleeper = sh("sleep 30 & echo $$ $! > " + pids + "; sleep 30");
        assertTimeoutPreemptively(LIMIT, () ->
                assertThatThrownBy(() -> sleeper.run(Duration.ofSeconds(1)))
                        .isInstanceOf(BoundedCommand.TimedOut.class)
                        .hasMessage("/bin/sh did not finish within 1 s and was killed"));

        String[] shellAndChild = Files.readString(pids).trim().split(" ");
        awaitSessionEnd(Long.parseLong(shellAndChild[0]));
        assertThat(running(Long.parseLong(shellAndChild[1]))).as("the background child").isFalse();
    }

    @Test
    void whenItIsDoneWhatItLeftInTheBackgroundIsKilledAndHoldsNothingUp() throws Exception {
        // the subshell exits at once: the sleep, which keeps stdout open, is parented by init, not by the shell
        BoundedCommand.Result result = assertTimeoutPreemptively(LIMIT, () ->
                sh("(sleep 30 & echo $!); echo $$").run(LONG_LIMIT));

        String[] childAndShell = result.stdoutText().trim().split("\n");
        awaitSessionEnd(Long.parseLong(childAndShell[1]));
        assertThat(running(Long.parseLong(childAndShell[0]))).as("the background child").isFalse();
    }

    @Test
    void aMissingProgramIsAnIOExceptionNamingIt() {
        assertThatThrownBy(() -> BoundedCommand.of("no-such-program-f4j", "-p").run(LIMIT))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot run no-such-program-f4j: no such executable file on the PATH");
        assertThatThrownBy(() -> BoundedCommand.of(dir.resolve("nothing").toString()).run(LIMIT))
                .hasMessage("cannot run " + dir.resolve("nothing") + ": no such executable file");
    }

    @Test
    void inTheBackgroundItReturnsAtOnceAndCompletesWithTheResult() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(BoundedCommand.of("mkfifo", fifo.toString()).run(LIMIT).exitCode()).isZero();
        // cat cannot end before the FIFO has a writer: this test opens it only once the call has returned
        CompletableFuture<BoundedCommand.Result> cat = BoundedCommand.of("cat", fifo.toString()).runInBackground(LIMIT);
        assertThat(cat).isNotDone();
        assertTimeoutPreemptively(LIMIT, () -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("through the FIFO".getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThat(cat.get(LIMIT.toSeconds(), TimeUnit.SECONDS).stdoutText()).isEqualTo("through the FIFO");
        assertThatThrownBy(() -> BoundedCommand.of("no-such-program-f4j").runInBackground(LIMIT)
                .get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    }

    private static BoundedCommand sh(String script) {
        return BoundedCommand.of("/bin/sh", "-c", script);
    }

    /** Waits until no process of {@code session} runs (a zombie is dead: PID 1 of a container may reap late). */
    private static void awaitSessionEnd(long session) throws IOException, InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        List<Long> members;
        while (!(members = runningMembers(session)).isEmpty()) {
            assertThat(System.nanoTime() - end).as("processes " + members + " of session " + session + " still run")
                    .isNegative();
            Thread.sleep(10);
        }
    }

    private static List<Long> runningMembers(long session) throws IOException {
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            return all.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> running(pid, stat -> stat[3].equals(Long.toString(session))))
                    .toList();
        }
    }

    private static boolean running(long pid) {
        return running(pid, stat -> true);
    }

    /** Alive (not a zombie) and as {@code wanted}: read from one look at its stat, as it may end meanwhile. */
    private static boolean running(long pid, Predicate<String[]> wanted) {
        String[] stat = stat(pid);
        return stat.length > 3 && !stat[0].equals("Z") && wanted.test(stat);
    }

    /** The fields of /proc/PID/stat after the command name (state, ppid, pgrp, session, ...); none once gone. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (NoSuchFileException e) {
            return new String[0];
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
