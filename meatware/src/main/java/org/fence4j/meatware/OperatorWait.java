package org.fence4j.meatware;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.agents.spi.FenceAction;
import org.fence4j.agents.spi.FenceResult;
import org.fence4j.agents.spi.MonotonicClock;
import org.fence4j.agents.spi.Proof;
import org.fence4j.meatware.prompt.ConfirmationQuestion;
import org.fence4j.meatware.prompt.OperatorConsole;
import org.fence4j.meatware.rendezvous.Confirmer;
import org.fence4j.meatware.rendezvous.FifoListener;
import org.fence4j.meatware.rendezvous.Rendezvous;
import org.fence4j.meatware.rendezvous.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wait for an operator: the FIFO (meatclient, fence-cli confirm) and, on fence-cli's
 * terminal, the prompt, whichever answers first; until the deadline or an interrupt.
 */
final class OperatorWait {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorWait.class);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);
    /** The longest sleep between two looks for an answer: a confirmation is taken at most this late. */
    private static final Duration ANSWER_POLL = Duration.ofMillis(100);

    private final Path dir;
    private final Duration waitTimeout;
    private final Supplier<Optional<OperatorConsole>> consoles;
    private final Supplier<Confirmer> confirmer;
    private final Clock clock;
    private final Consumer<String> alert;

    /** @param alert tells the operator at once, whoever started the request (syslog) */
    OperatorWait(Path dir, Duration waitTimeout, Supplier<Optional<OperatorConsole>> consoles,
            Supplier<Confirmer> confirmer, Clock clock, Consumer<String> alert) {
        this.alert = alert;
        this.dir = dir;
        this.waitTimeout = waitTimeout;
        this.consoles = consoles;
        this.confirmer = confirmer;
        this.clock = clock;
    }

    FenceResult await(FenceAction action, String target, Deadline levelDeadline) {
        Deadline deadline = levelDeadline.atMost(waitTimeout);
        MonotonicClock monotonic = deadline.clock();
        long start = monotonic.nanoTime();
        String doing = action == FenceAction.OFF ? "power off" : "reset";
        CompletableFuture<Answer> first = new CompletableFuture<>();
        Optional<OperatorConsole> console = Optional.empty();
        try (FifoListener fifo = FifoListener.listen(dir, target)) {
            // once the FIFO exists, so that the commands it names work
            String required = "OPERATOR INTERVENTION REQUIRED to " + doing + " " + target + ". Do it by hand, then"
                    + " confirm: " + howToConfirm(dir, target) + ". Waiting up to " + clockText(deadline.remaining())
                    + ".";
            alert.accept(required);
            LOG.error(required);
            fifo.reply().thenAccept(reply -> first.complete(fromFifo(reply, fifo.fifo(), target)));
            console = consoles.get();
            Supplier<String> status = () -> "Waiting for the confirmation of " + target + ": "
                    + clockText(Duration.ofNanos(monotonic.nanoTime() - start)) + " elapsed, "
                    + clockText(deadline.remaining()) + " left.";
            console.ifPresent(c -> startPrompt(c, doing, target, status, first));
            Optional<OperatorConsole> shown = console;
            while (true) {
                Answer answer = answerBy(first, deadline.atMost(STATUS_EVERY));
                if (answer != null) {
                    shown.ifPresent(c -> c.println(""));
                    return result(answer, target, Duration.ofNanos(monotonic.nanoTime() - start));
                }
                if (deadline.expired()) {
                    shown.ifPresent(c -> c.println(""));
                    String why = "No operator confirmed that " + target + " was " + done(action) + " within "
                            + clockText(Duration.ofNanos(monotonic.nanoTime() - start)) + "; " + target
                            + " is NOT known to be fenced.";
                    LOG.warn(why);
                    return FenceResult.timeout(why);
                }
                shown.ifPresent(c -> c.status(status.get()));
            }
        } catch (InterruptedException e) {
            console.ifPresent(c -> c.println(""));
            Thread.currentThread().interrupt(); // the caller stops the chain too
            String why = "Cancelled by operator while waiting for the confirmation of " + target + ".";
            LOG.warn(why);
            return FenceResult.failure(why);
        } catch (IOException e) {
            String why = "Cannot wait for an operator to confirm " + target + ": " + FileProblem.named(e);
            LOG.error(why);
            return FenceResult.failure(why);
        }
    }

    /** Why a fence would refuse to wait in the rendezvous directory, or empty. */
    Optional<String> rendezvousProblem() {
        return Rendezvous.problem(dir);
    }

    static String howToConfirm(Path dir, String target) {
        if (dir.equals(Rendezvous.DEFAULT_DIR)) {
            return "fence-cli confirm " + target + " (or meatclient -c " + target + ")";
        }
        return "fence-cli confirm " + target + " --rendezvous-dir " + dir;
    }

    private void startPrompt(OperatorConsole console, String doing, String target, Supplier<String> status,
            CompletableFuture<Answer> first) {
        console.println("");
        console.println("OPERATOR INTERVENTION REQUIRED to " + doing + " " + target + ".");
        console.println(capitalized(doing) + " " + target + " by hand now (power button, PDU or BMC), then confirm"
                + " here, or from another shell: " + howToConfirm(dir, target) + ".");
        ConfirmationQuestion question = new ConfirmationQuestion(console, target);
        question.warn();
        // console reads cannot be interrupted: a daemon thread reads, the caller waits on `first`
        Thread reader = new Thread(() -> {
            try {
                first.complete(question.ask(status) == ConfirmationQuestion.Decision.CONFIRMED
                        ? new Answer.Confirmed("at the fence-cli prompt (" + confirmer.get().tokens() + ")")
                        : new Answer.Refused("Cancelled by operator at the prompt; " + target + " is NOT known to be"
                                + " fenced."));
            } catch (IOException e) {
                first.complete(new Answer.Refused("Cannot read the operator's answer: " + e.getMessage()));
            }
        }, "meatware-prompt " + target);
        reader.setDaemon(true);
        reader.start();
    }

    /** The answer if it came by {@code by}, else null. */
    private static Answer answerBy(CompletableFuture<Answer> answer, Deadline by) throws InterruptedException {
        // short sleeps on the deadline's clock rather than answer.get(timeout): a fake clock then drives this
        // wait in tests without real waiting, and the real clock sleeps between looks instead of spinning
        while (!answer.isDone() && !by.expired()) {
            by.clock().sleep(by.remainingAtMost(ANSWER_POLL));
        }
        return answer.getNow(null);
    }

    private static Answer fromFifo(Reply reply, Path fifo, String target) {
        if (reply instanceof Reply.Confirmation c) {
            if (c.confirms(target)) {
                return new Answer.Confirmed("through " + fifo + " ("
                        + (c.confirmer().isEmpty() ? "cluster-glue meatclient or another tool that does not say who"
                                : c.confirmer()) + ")");
            }
            return new Answer.Refused("A confirmation for " + c.host() + " arrived at " + fifo + "; it is not taken"
                    + " for " + target + ".");
        }
        return new Answer.Refused("Not confirmed: " + ((Reply.Unusable) reply).reason() + " (" + fifo + ").");
    }

    private FenceResult result(Answer answer, String target, Duration waited) {
        if (answer instanceof Answer.Confirmed c) {
            String message = "Operator confirmed " + target + " is down " + c.how() + " at "
                    + Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + ", after " + clockText(waited) + ".";
            LOG.info(message);
            return FenceResult.confirmed(Proof.OPERATOR_CONFIRMED, message);
        }
        String why = ((Answer.Refused) answer).why();
        LOG.warn(why);
        return FenceResult.failure(why);
    }

    private static String done(FenceAction action) {
        return action == FenceAction.OFF ? "powered off" : "reset";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clockText(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

}
