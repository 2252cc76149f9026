package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import org.fence4j.agents.process.BoundedCommand;

/**
 * The confirming side, as cluster-glue's meatclient: one 256-byte write to a FIFO that a
 * request is reading. The open must not block when nobody reads (meatclient opens with
 * O_NONBLOCK and gets ENXIO); Java cannot open non-blocking, so coreutils {@code dd} does the
 * open and the single write: {@code oflag=nonblock,nofollow conv=nocreat} never creates a file
 * in place of a vanished FIFO and never follows a link.
 */
public final class FifoDelivery {
    private static final String DD = "/bin/dd";
    private static final Duration DD_LIMIT = Duration.ofSeconds(10);

    /** What became of a confirmation. */
    public enum Result {
        DELIVERED,
        /** No FIFO, or a FIFO that nobody reads (a dead request's leftover). */
        NOBODY_WAITING
    }

    private FifoDelivery() {
    }

    /** True if a FIFO exists at {@code fifo}: somebody may be waiting there. */
    public static boolean present(Path fifo) throws IOException {
        return FileModes.isFifo(fifo);
    }

    /** Throws {@link AccessDeniedException} when this user may not write to the FIFO. */
    public static Result deliver(Path fifo, byte[] record) throws IOException, InterruptedException {
        if (!FileModes.isFifo(fifo)) {
            return Result.NOBODY_WAITING;
        }
        BoundedCommand.Result dd = BoundedCommand.of(DD, "of=" + fifo, "bs=" + ReplyRecord.SIZE, "count=1",
                "iflag=fullblock", "oflag=nonblock,nofollow", "conv=nocreat,notrunc", "status=none")
                .named(DD + " writing to " + fifo).environment("LC_ALL", "C").stdin(record).run(DD_LIMIT);
        // dd that could not open the FIFO exits without reading the record: its message says why
        String message = dd.messages();
        if (dd.exitCode() == 0) {
            return Result.DELIVERED;
        }
        if (message.contains("No such device or address") || message.contains("No such file or directory")) {
            return Result.NOBODY_WAITING;
        }
        if (message.contains("Permission denied")) {
            throw new AccessDeniedException(fifo.toString(), null, "this user may not write to it");
        }
        throw new IOException("cannot write to " + fifo + ": " + message);
    }
}
