package org.fence4j.meatware.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;
import org.fence4j.agents.cli.FenceCliCommand;
import org.fence4j.meatware.prompt.ConfirmationQuestion;
import org.fence4j.meatware.prompt.OperatorConsole;
import org.fence4j.meatware.prompt.TerminalConsole;
import org.fence4j.meatware.rendezvous.Confirmer;
import org.fence4j.meatware.rendezvous.FifoDelivery;
import org.fence4j.meatware.rendezvous.Hostnames;
import org.fence4j.meatware.rendezvous.Rendezvous;
import org.fence4j.meatware.rendezvous.ReplyRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fence-cli confirm TARGET}: the operator's word that a node waiting for meatware is down. */
@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {
            "Confirms that TARGET was reset or powered off by hand, to a request waiting for it: fence4j's meatware"
                    + " level, or cluster-glue's meatware plugin (what meatclient -c TARGET does).",
            "Asks to type the node name back first, unless --yes. Writes cluster-glue's reply record"
                    + " \"meatware reply TARGET\" to the FIFO <rendezvous-dir>/meatware.<target>, followed by who"
                    + " confirmed (user, uid, terminal), which fence4j records in the fencing history."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the confirmation was delivered to the waiting request",
            "1:not confirmed: nobody is waiting for TARGET, or the operator cancelled",
            "2:usage error (bad node name, no terminal to ask on and no --yes, or this user may not write to the"
                    + " FIFO: run it as root)"})
public final class ConfirmCommand implements FenceCliCommand {
    static final int CONFIRMED = 0;
    static final int NOT_CONFIRMED = 1;
    static final int USAGE = 2;
    private static final int DELIVERY_ATTEMPTS = 5;
    private static final long DELIVERY_RETRY_MILLIS = 100;

    @Parameters(index = "0", paramLabel = "TARGET", description = "The node that was reset or powered off by hand.")
    String target;

    @Option(names = "--yes", description = "Do not ask; for scripts that have already made sure.")
    boolean yes;

    @Option(names = "--rendezvous-dir", paramLabel = "DIR",
            description = "Directory of the FIFO (default: ${DEFAULT-VALUE}, as cluster-glue's meatclient).")
    Path rendezvousDir = Rendezvous.DEFAULT_DIR;

    @Spec
    CommandSpec spec;

    private final Supplier<Optional<OperatorConsole>> consoles;
    private final Supplier<Confirmer> confirmer;

    public ConfirmCommand() {
        this(TerminalConsole::open, Confirmer::current);
    }

    ConfirmCommand(Supplier<Optional<OperatorConsole>> consoles, Supplier<Confirmer> confirmer) {
        this.consoles = consoles;
        this.confirmer = confirmer;
    }

    /**
     * A request creates its FIFO a moment before it opens it; a FIFO nobody reads yet is given
     * that moment (bounded) before it counts as a leftover.
     */
    private static FifoDelivery.Result deliver(Path fifo, byte[] record) throws IOException, InterruptedException {
        FifoDelivery.Result result = FifoDelivery.deliver(fifo, record);
        for (int i = 1; i < DELIVERY_ATTEMPTS && result == FifoDelivery.Result.NOBODY_WAITING; i++) {
            Thread.sleep(DELIVERY_RETRY_MILLIS);
            result = FifoDelivery.deliver(fifo, record);
        }
        return result;
    }

    /** The waiting request made its FIFO owner-only: only its user (root, under Pacemaker) may confirm. */
    private static int notAllowed(PrintWriter err, Path fifo, String node) throws IOException {
        String owner = Files.getOwner(fifo, LinkOption.NOFOLLOW_LINKS).getName();
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo, LinkOption.NOFOLLOW_LINKS));
        err.println("fence-cli confirm: permission denied: " + fifo + " belongs to " + owner + " (" + mode + "), and"
                + " only " + owner + " may write to it to confirm " + node + "; run it as " + owner + ", e.g. sudo"
                + " fence-cli confirm " + node + ".");
        return USAGE;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> problem = Hostnames.problem(target);
        if (problem.isPresent()) {
            err.println("fence-cli confirm: TARGET: expected " + problem.get());
            return USAGE;
        }
        String node = Hostnames.normalize(target);
        Path fifo = Rendezvous.fifo(rendezvousDir, node);
        if (!FifoDelivery.present(fifo)) {
            err.println("Nobody is waiting for a confirmation of " + node + " (no " + fifo + ").");
            return NOT_CONFIRMED;
        }
        if (!Files.isWritable(fifo)) { // asking first would be for nothing
            return notAllowed(err, fifo, node);
        }
        if (!yes) {
            Optional<OperatorConsole> console = consoles.get();
            if (console.isEmpty()) {
                err.println("fence-cli confirm: no terminal to ask on; give --yes to confirm " + node
                        + " without asking.");
                return USAGE;
            }
            ConfirmationQuestion question = new ConfirmationQuestion(console.get(), node);
            question.warn();
            if (question.ask(null) != ConfirmationQuestion.Decision.CONFIRMED) {
                err.println("Not confirmed: cancelled.");
                return NOT_CONFIRMED;
            }
        }
        Confirmer who = confirmer.get();
        FifoDelivery.Result result;
        try {
            result = deliver(fifo, ReplyRecord.encode(node, who));
        } catch (AccessDeniedException e) {
            return notAllowed(err, fifo, node);
        }
        if (result != FifoDelivery.Result.DELIVERED) {
            err.println("Nobody is waiting for a confirmation of " + node + " (" + fifo
                    + " is left over from a request that has ended).");
            return NOT_CONFIRMED;
        }
        out.println("Confirmed: " + node + " is down (" + who.tokens() + "), delivered to " + fifo + ".");
        return CONFIRMED;
    }
}
