package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

/** Test side of a rendezvous: waits until a request reads a FIFO, and writes to it as a confirming tool would. */
public final class TestFifos {
    private static final Duration LONGEST = Duration.ofSeconds(20);
    /** x86_64 openat: where a reader blocks until a writer comes. */
    private static final String OPENAT = "257 ";
    /** Where the kernel holds an open of a FIFO until the other side comes (/proc/TID/wchan). */
    private static final String FIFO_OPEN_WAIT = "wait_for_partner";

    private TestFifos() {
    }

    /**
     * Waits until this JVM's reader of {@code host}'s FIFO is blocked opening it, so that a
     * writer finds it; found in /proc by the reader thread's name.
     */
    public static void awaitReader(String host) throws InterruptedException {
        String comm = FifoListener.READER_THREAD_PREFIX + host;
        String name = comm.length() > 15 ? comm.substring(0, 15) : comm;
        long end = System.nanoTime() + LONGEST.toNanos();
        while (!readerBlockedInOpen(name)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("no thread '" + name + "' blocked opening a FIFO within " + LONGEST);
            }
            Thread.sleep(10);
        }
    }

    /** True in the FIFO's own wait, or where the kernel hides the symbol ("0") and only the syscall tells. */
    private static boolean waitsInFifoOpen(String wchan) {
        return wchan.equals(FIFO_OPEN_WAIT) || wchan.equals("0");
    }

    private static boolean readerBlockedInOpen(String name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.anyMatch(t -> {
                try {
                    // in openat is not enough: the reader opens the directories on the way first, and a
                    // writer that came then would find no reader (meatclient: exit 4, "Meatware_IPC failed")
                    return Files.readString(t.resolve("comm")).trim().equals(name)
                            && Files.readString(t.resolve("syscall")).startsWith(OPENAT)
                            && waitsInFifoOpen(Files.readString(t.resolve("wchan")));
                } catch (IOException e) {
                    return false; // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc/self/task", e);
        }
    }

    /** Waits until a FIFO exists at {@code fifo} (created by another process). */
    public static void awaitFifo(Path fifo) throws InterruptedException, IOException {
        long end = System.nanoTime() + LONGEST.toNanos();
        while (!FileModes.isFifo(fifo)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("no FIFO at " + fifo + " within " + LONGEST);
            }
            Thread.sleep(10);
        }
    }

    /** Writes {@code text} as a 256-byte NUL-padded record, as fence-cli confirm does. */
    public static FifoDelivery.Result write(Path fifo, String text) throws IOException, InterruptedException {
        byte[] record = new byte[ReplyRecord.SIZE];
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, record, 0, bytes.length);
        return FifoDelivery.deliver(fifo, record);
    }

    /** Opens the FIFO for writing and closes it without writing, as a cancelled meatclient. */
    public static void connectAndHangUp(Path fifo) throws IOException {
        FileChannel.open(fifo, StandardOpenOption.WRITE).close(); // nothing written
    }
}
