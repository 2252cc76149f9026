package org.fence4j.meatware.rendezvous;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.fence4j.agents.files.FileProblem;
import org.fence4j.agents.process.BoundedCommand;

/**
 * The waiting side of a rendezvous, as cluster-glue's meatware plugin: creates the FIFO with
 * owner-only permissions and reads one confirmation record from it.
 *
 * <p>Only in a directory that nobody but root and this user can change (every directory up to
 * /, see {@link FileModes#requireTrustedDirectory}); the FIFO is opened once, without following a
 * link, and what was opened is checked on the open descriptor (a FIFO of this user, mode 0600,
 * the inode created) before anything read from it counts.
 *
 * <p>Java cannot mkfifo, so {@code /usr/bin/mkfifo -m 600} does. Opening a FIFO for reading
 * blocks until a writer comes and cannot be interrupted, so it happens on a daemon thread, and
 * {@link #close()} unblocks it by opening the FIFO read-write itself (which never blocks on Linux).
 * A lock file held while waiting tells a stale FIFO of a dead request (removed) from a live
 * fence4j wait for the same node (refused); the lock dies with its process.
 */
public final class FifoListener implements AutoCloseable {
    private static final String MKFIFO = "/usr/bin/mkfifo";
    private static final Duration MKFIFO_LIMIT = Duration.ofSeconds(10);
    private static final int STOP_ATTEMPTS = 50;
    private static final long STOP_WAIT_MILLIS = 20;
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** The reader thread is named this plus the node (tests find it in /proc by that name). */
    static final String READER_THREAD_PREFIX = "mw-fifo ";

    private final Path fifo;
    /** The FIFO's path as the kernel names its open descriptors (links of the directory resolved). */
    private final Path realFifo;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object fifoKey;
    private final CompletableFuture<Reply> reply = new CompletableFuture<>();
    private final Thread reader;

    private FifoListener(Path fifo, Path realFifo, FileChannel lockChannel, FileLock lock, Object fifoKey,
            Runnable beforeOpen) {
        this.fifo = fifo;
        this.realFifo = realFifo;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.fifoKey = fifoKey;
        this.reader = new Thread(() -> {
            beforeOpen.run();
            readOneRecord();
        }, READER_THREAD_PREFIX + fifo.getFileName().toString()
                .substring("meatware.".length()));
        reader.setDaemon(true);
    }

    /** Creates {@code <dir>/meatware.<host>} and starts waiting on it. */
    public static FifoListener listen(Path dir, String host) throws IOException {
        return listen(dir, host, () -> { });
    }

    /** {@link #listen(Path, String)}, running {@code beforeOpen} on the reader first (tests swap the FIFO there). */
    static FifoListener listen(Path dir, String host, Runnable beforeOpen) throws IOException {
        Path fifo = Rendezvous.fifo(dir, host);
        FileModes.requireTrustedDirectory(dir);
        FileChannel lockChannel = FileChannel.open(Rendezvous.lock(dir, host), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OWNER_ONLY);
        try {
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new IOException("another fence4j request is already waiting for a confirmation at " + fifo);
            }
            // nobody of ours waits on it: a leftover of a dead request (cluster-glue's plugin also replaces it)
            Files.deleteIfExists(fifo);
            mkfifo(fifo);
            // which FIFO to remove at the end; whether it is what the reader opened is checked on the descriptor
            Object key = Files.readAttributes(fifo, "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino");
            Path realFifo = dir.toRealPath().resolve(fifo.getFileName());
            FifoListener listener = new FifoListener(fifo, realFifo, lockChannel, lock, key, beforeOpen);
            listener.reader.start();
            return listener;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    public Path fifo() {
        return fifo;
    }

    /** Completes with the first record read, or {@link Reply.Unusable} at EOF or read error. */
    public CompletableFuture<Reply> reply() {
        return reply;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another listener in this JVM
        }
    }

    private static void mkfifo(Path fifo) throws IOException {
        try {
            BoundedCommand.Result result = BoundedCommand.of(MKFIFO, "-m", "600", "--", fifo.toString())
                    .run(MKFIFO_LIMIT);
            if (result.exitCode() != 0) {
                throw new IOException("cannot create the FIFO " + fifo + ": " + result.messages());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the FIFO " + fifo, e);
        }
    }

    /**
     * One open and one read, as cluster-glue: the first writer's first write is the answer. The
     * open does not follow a link, and what it opened must be the FIFO this request created:
     * checked on the descriptor (found in /proc/self/fd as the one that is new), not by path.
     */
    private void readOneRecord() {
        if (Thread.currentThread().isInterrupted()) {
            reply.complete(new Reply.Unusable("stopped before anyone connected"));
            return;
        }
        try {
            Set<Path> before = FileModes.descriptorsOn(realFifo);
            try (FileChannel in = FileChannel.open(fifo, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                if (Thread.currentThread().isInterrupted()) { // close() opened it to stop us
                    reply.complete(new Reply.Unusable("stopped before anyone connected"));
                    return;
                }
                Set<Path> opened = new java.util.HashSet<>(FileModes.descriptorsOn(realFifo));
                opened.removeAll(before);
                int checked = 0;
                for (Path descriptor : opened) {
                    try {
                        FileModes.requireOwnPrivateFifo(descriptor, fifoKey, fifo);
                        checked++;
                    } catch (NoSuchFileException closedMeanwhile) {
                        // another descriptor of this process (a writer in the same JVM) closed since the
                        // listing: not the one this read holds open, which is checked all the same
                    }
                }
                if (checked == 0) {
                    throw new IOException("what was opened is no longer " + fifo + "; someone moved or removed it");
                }
                ByteBuffer buffer = ByteBuffer.allocate(ReplyRecord.SIZE);
                int n = in.read(buffer);
                reply.complete(ReplyRecord.decode(buffer.array(), n));
            }
        } catch (IOException e) {
            reply.complete(new Reply.Unusable("cannot read " + fifo + ": " + FileProblem.of(e)));
        }
    }

    /**
     * Stops the reader, removes the FIFO (if it is still ours) and releases the lock. The reader
     * may be about to open the FIFO, so it is poked until it has ended (bounded), lest it block on
     * an unlinked FIFO forever.
     */
    @Override
    public void close() throws IOException {
        boolean interrupted = false;
        try {
            reader.interrupt(); // a read in progress: FileChannel reads are interruptible
            for (int i = 0; i < STOP_ATTEMPTS && reader.isAlive(); i++) {
                poke();
                try {
                    reader.join(STOP_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            Object key = Files.readAttributes(fifo, "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino");
            if (fifoKey.equals(key)) {
                Files.deleteIfExists(fifo);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } finally {
            lock.release();
            lockChannel.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Completes the reader's blocked open: opening a FIFO read-write does not block. */
    private void poke() {
        try {
            // the reader's open returns; its interrupted read then ends
            FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS).close();
        } catch (IOException e) {
            // gone or replaced: the reader is a daemon thread and cannot keep the JVM alive
        }
    }

    @Override
    public String toString() {
        return "FifoListener[" + fifo + "]";
    }
}
