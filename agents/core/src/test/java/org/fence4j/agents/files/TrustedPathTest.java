package org.fence4j.agents.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.fence4j.agents.testing.Nobody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedPathTest {
    @TempDir
    Path dir;

    @Test
    void aFileOnlyItsOwnerWritesInADirectoryOfRootsIsTrusted() throws Exception {
        Path file = Files.writeString(dir.resolve("fence4j.yaml"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(TrustedPath.check(file, true)).isEmpty();
    }

    @Test
    void aFileGroupOrOthersMayWriteIsNot() throws Exception {
        Path file = Files.writeString(dir.resolve("fence4j.yaml"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(TrustedPath.check(file, true).orElseThrow().describe("configuration", file))
                .isEqualTo("configuration " + file + " is writable by group or others (mode 0664); expected only its"
                        + " owner to write it: chmod go-w " + file);
    }

    @Test
    void aFileOfAnotherUserIsNot() throws Exception {
        Nobody.assumeRoot();
        Path file = Files.writeString(dir.resolve("pw"), "");
        Nobody.own(file);
        TrustedPath.Untrusted untrusted = TrustedPath.check(file, true).orElseThrow();
        assertThat(untrusted.describe("secret file", file)).isEqualTo("secret file " + file
                + " is owned by nobody (uid 65534); expected root, the user fencing runs as: chown root " + file);
        assertThat(untrusted.describeUnnamed()).isEqualTo("it is owned by nobody (uid 65534); expected only root or"
                + " the user fencing runs as to be able to change it and the directories above it")
                .doesNotContain(dir.toString());
    }

    @Test
    void aDirectoryAboveThatOthersMayWriteIsNotUnlessStickyWhereStickyIsEnough() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Path file = Files.writeString(open.resolve("fence4j.yaml"), "");
        Files.setAttribute(open, "unix:mode", 0777);
        assertThat(TrustedPath.check(file, true).orElseThrow().describe("configuration", file))
                .isEqualTo(open + ", above the configuration " + file + ", is writable by group or others (mode 0777)"
                        + " without the sticky bit, so anyone could replace the configuration; expected a directory"
                        + " only root can change");
        Files.setAttribute(open, "unix:mode", 01777); // as /tmp: nobody may rename what is not theirs
        assertThat(TrustedPath.check(file, true)).isEmpty();
        assertThat(TrustedPath.check(file, false).orElseThrow().problem())
                .isEqualTo("is writable by group or others (mode 1777)");
    }

    @Test
    void aLinkAnotherUserOwnsIsNotEvenToAFileOfRoots() throws Exception {
        Nobody.assumeRoot();
        Path sticky = Files.createDirectory(dir.resolve("tmp"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Path file = Files.writeString(dir.resolve("fence4j.yaml"), "");
        Path link = Files.createSymbolicLink(sticky.resolve("fence4j.yaml"), file);
        assertThat(TrustedPath.check(link, true)).isEmpty();
        // the owner of a link in a sticky directory may replace it, aiming it at a file of theirs
        Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setOwner(link.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThat(TrustedPath.check(link, true).orElseThrow().describe("configuration", link))
                .isEqualTo("configuration " + link + " is a symbolic link owned by nobody (uid 65534); expected root,"
                        + " the user fencing runs as: chown -h root " + link);
    }

    @Test
    void theDirectoriesALinkLeadsThroughAreCheckedToo() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Path file = Files.writeString(open.resolve("fence4j.yaml"), "");
        Files.setAttribute(open, "unix:mode", 0777);
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file);
        assertThat(TrustedPath.check(link, true).orElseThrow().at()).isEqualTo(open);
    }
}
