package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The confirming side, as cluster-glue's meatclient: one 256-byte write to a FIFO that a
 * request is reading. The open must not block when nobody reads (meatclient opens with
 * O_NONBLOCK and gets ENXIO); Java cannot open non-blocking, so coreutils {@code dd} does the
 * open and the single write: {@code oflag=nonblock,nofollow conv=nocreat} never creates a file
 * in place of a vanished FIFO and never follows a link.
 */
public final class FifoDelivery {
    private static final String DD = "/bin/dd";
    private static final long DD_TIMEOUT_SECONDS = 10;

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
        ProcessBuilder pb = new ProcessBuilder(DD, "of=" + fifo, "bs=" + ReplyRecord.SIZE, "count=1",
                "iflag=fullblock", "oflag=nonblock,nofollow", "conv=nocreat,notrunc", "status=none")
                .redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process dd = pb.start();
        try (OutputStream in = dd.getOutputStream()) {
            in.write(record);
        } catch (IOException e) {
            // dd could not open the FIFO and exited before reading its input: its message says why
        }
        byte[] out = dd.getInputStream().readNBytes(4096);
        if (!dd.waitFor(DD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            dd.destroyForcibly();
            throw new IOException(DD + " did not finish within " + DD_TIMEOUT_SECONDS + " s writing to " + fifo);
        }
        String message = new String(out, StandardCharsets.UTF_8).trim();
        if (dd.exitValue() == 0) {
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
