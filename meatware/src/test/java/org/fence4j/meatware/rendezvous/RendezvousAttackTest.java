package org.fence4j.meatware.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local user who can touch the rendezvous must not be able to confirm a fence in the
 * operator's place. Runs as root (the agent's user under Pacemaker); the other user is nobody.
 */
class RendezvousAttackTest {
    private static final String SETPRIV = "/usr/bin/setpriv";
    private static final List<String> AS_NOBODY = List.of(SETPRIV, "--reuid=nobody", "--regid=nogroup", "--clear-groups");
    private static final long LIMIT_SECONDS = 20;

    @TempDir(factory = TrustedTempDir.class)
    Path dir;

    @BeforeEach
    void asRootWithSetpriv() throws IOException {
        assumeTrue(FileModes.ownUid() == 0, "needs root: the other user's files are made with chown");
        assumeTrue(Files.isExecutable(Path.of(SETPRIV)), "needs setpriv (util-linux)");
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsRefusedAndNoFifoAppears() throws Exception {
        Path theirs = ownedByNobody(Files.createDirectory(dir.resolve("theirs")));

        assertThatThrownBy(() -> FifoListener.listen(theirs, "pm02")).isInstanceOf(IOException.class)
                .hasMessage("the rendezvous directory " + theirs + " is not safe: " + theirs + " is owned by nobody (uid "
                        + uid(theirs) + "); expected " + theirs + " and every directory above it to be owned by root and"
                        + " writable only by its owner, as /run is (a sticky directory such as /tmp is not enough:"
                        + " another user could answer in the operator's place)");
        assertThat(theirs.resolve("meatware.pm02")).doesNotExist();
    }

    @Test
    void aStickyWorldWritableDirectoryIsRefused() throws Exception {
        Path sticky = Files.createDirectory(dir.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);

        assertThatThrownBy(() -> FifoListener.listen(sticky, "pm02"))
                .hasMessageStartingWith("the rendezvous directory " + sticky + " is not safe: " + sticky
                        + " is writable by group or others (mode 1777); expected");
        assertThat(sticky.resolve("meatware.pm02")).doesNotExist();
    }

    @Test
    void aParentOthersCanChangeIsRefused() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Path inner = Files.createDirectory(open.resolve("inner"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // inner could be renamed

        assertThatThrownBy(() -> FifoListener.listen(inner, "pm02"))
                .hasMessageStartingWith("the rendezvous directory " + inner + " is not safe: " + open
                        + " is writable by group or others (mode 0777); expected");
    }

    @Test
    void aLinkToADirectoryOthersCanChangeIsRefused() throws Exception {
        Path theirs = ownedByNobody(Files.createDirectory(dir.resolve("theirs")));
        Path link = Files.createSymbolicLink(dir.resolve("link"), theirs);

        assertThatThrownBy(() -> FifoListener.listen(link, "pm02"))
                .hasMessageStartingWith("the rendezvous directory " + link + " is not safe: " + theirs
                        + " is owned by nobody (uid " + uid(theirs) + ")");
    }

    @Test
    void aFifoSwappedForAnotherUsersFifoIsNotAConfirmation() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x")); // nobody may reach the FIFO
        Path fifo = Rendezvous.fifo(dir, "pm02");
        CountDownLatch swapped = new CountDownLatch(1);
        // what a user who could write to the directory did: replace the FIFO before the request opens it
        Runnable swap = () -> {
            try {
                Files.delete(fifo);
                mkfifo(fifo);
                ownedByNobody(fifo);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                swapped.countDown();
            }
        };
        try (FifoListener listener = FifoListener.listen(dir, "pm02", swap)) {
            assertThat(swapped.await(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            Process writer = asNobody("printf 'meatware reply pm02 by=nobody' > " + fifo);

            Reply reply = listener.reply().get(LIMIT_SECONDS, TimeUnit.SECONDS);

            assertThat(reply).isInstanceOf(Reply.Unusable.class);
            assertThat(((Reply.Unusable) reply).reason()).startsWith("cannot read " + fifo + ": what was opened at "
                    + fifo + " is not the FIFO this request created (a FIFO of uid 0, mode 0600, inode ")
                    .contains(", uid " + uid(fifo) + ", inode ").endsWith("; someone else put it there");
            writer.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFifoSwappedForALinkIsNotFollowed() throws Exception {
        Path fifo = Rendezvous.fifo(dir, "pm02");
        Path elsewhere = dir.resolve("elsewhere");
        Runnable swap = () -> {
            try {
                mkfifo(elsewhere);
                Files.delete(fifo);
                Files.createSymbolicLink(fifo, elsewhere);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        try (FifoListener listener = FifoListener.listen(dir, "pm02", swap)) {
            // a followed link would block in open until a writer came: refused at once instead
            Reply reply = listener.reply().get(LIMIT_SECONDS, TimeUnit.SECONDS);

            assertThat(reply).isInstanceOf(Reply.Unusable.class);
            assertThat(((Reply.Unusable) reply).reason()).startsWith("cannot read " + fifo + ": ");
            assertThat(Files.isSymbolicLink(fifo)).isTrue();
        }
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).start();
        assertThat(p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo " + path).isTrue();
    }

    private static Process asNobody(String script) throws IOException {
        List<String> command = new java.util.ArrayList<>(AS_NOBODY);
        command.addAll(List.of("/bin/sh", "-c", script));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Path ownedByNobody(Path path) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        GroupPrincipal nogroup = users.lookupPrincipalByGroupName("nogroup");
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setOwner(users.lookupPrincipalByName("nobody"));
        view.setGroup(nogroup);
        return path;
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }
}
