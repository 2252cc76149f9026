package org.fence4j.agents.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fence4j.agents.testing.ChildProcess;
import org.fence4j.agents.testing.Nobody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {
    @TempDir
    Path dir;

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void createsTheDirectoryAndItsParents0700AndFiles0600() throws Exception {
        PrivateDirectory state = PrivateDirectory.create(dir.resolve("var/lib/fence4j"), "state directory");
        try (FileChannel file = state.open("history.jsonl", StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThat(file.isOpen()).isTrue();
        }
        assertThat(mode(dir.resolve("var"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("var/lib/fence4j"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("var/lib/fence4j/history.jsonl"))).isEqualTo("rw-------");
    }

    @Test
    void replaceSwapsTheWholeFileAtOnceAndLeavesNothingBeside() throws Exception {
        PrivateDirectory state = PrivateDirectory.create(dir.resolve("state"), "state directory");
        state.replace("health-ipmi", "SUCCESS monitor 1 ok".getBytes());
        state.replace("health-ipmi", "FAILURE".getBytes());
        assertThat(Files.readString(state.path().resolve("health-ipmi"))).isEqualTo("FAILURE");
        assertThat(mode(state.path().resolve("health-ipmi"))).isEqualTo("rw-------");
        try (var names = Files.list(state.path())) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("health-ipmi");
        }
    }

    @Test
    void replaceReplacesALinkOfThatNameNeverWhatItPointsTo() throws Exception {
        PrivateDirectory state = PrivateDirectory.create(dir.resolve("state"), "state directory");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "untouched");
        Files.createSymbolicLink(state.path().resolve("health-ipmi"), elsewhere);
        state.replace("health-ipmi", "FAILURE".getBytes());
        assertThat(Files.isSymbolicLink(state.path().resolve("health-ipmi"))).isFalse();
        assertThat(Files.readString(elsewhere)).isEqualTo("untouched");
    }

    @Test
    void aDirectoryThatIsASymbolicLinkIsRefused() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("state"), real);
        assertThatThrownBy(() -> PrivateDirectory.create(link, "state directory"))
                .isInstanceOf(UnsafeStateException.class)
                .hasMessage("state directory " + link + " is a symbolic link; expected a directory (fence4j never"
                        + " follows a link there: name the real directory)");
    }

    @Test
    void aDirectoryAboveThatAnyoneCouldChangeIsRefusedUnlessSticky() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PrivateDirectory.create(open.resolve("state"), "state directory"))
                .isInstanceOf(UnsafeStateException.class)
                .hasMessage(open + ", above the state directory " + open.resolve("state") + ", is writable by group"
                        + " or others (mode 0777) without the sticky bit, so anyone could replace the state directory;"
                        + " expected a directory only root can change");
        Files.setAttribute(open, "unix:mode", 01777); // like /tmp: nobody else can rename what is not theirs
        assertThat(PrivateDirectory.create(open.resolve("state"), "state directory").path())
                .isEqualTo(open.resolve("state"));
    }

    @Test
    void aPlantedFifoIsRefusedWithoutOpeningIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is not installed");
        PrivateDirectory state = PrivateDirectory.create(dir, "state directory");
        ChildProcess.Result mkfifo = ChildProcess.run(List.of("mkfifo", dir.resolve("history.jsonl").toString()),
                Map.of(), "", Duration.ofSeconds(30));
        assertThat(mkfifo.exitCode()).isZero();
        assertThatThrownBy(() -> state.open("history.jsonl", StandardOpenOption.CREATE, StandardOpenOption.APPEND))
                .isInstanceOf(UnsafeStateException.class).hasMessageEndingWith("is not a regular file; remove it");
    }

    @Test
    void aFileOfAnotherUserIsRefused() throws Exception {
        Nobody.assumeRoot();
        PrivateDirectory state = PrivateDirectory.create(dir, "state directory");
        Path planted = Files.writeString(dir.resolve("history.jsonl"), "");
        Nobody.own(planted);
        assertThatThrownBy(() -> state.open("history.jsonl", StandardOpenOption.APPEND))
                .isInstanceOf(UnsafeStateException.class)
                .hasMessage(planted + " in the state directory is owned by nobody (uid 65534); expected root,"
                        + " the user fencing runs as: remove it");
    }

    @Test
    void aNameWithASlashIsNoFileName() throws Exception {
        PrivateDirectory state = PrivateDirectory.create(dir, "state directory");
        assertThatThrownBy(() -> state.open("../history.jsonl", StandardOpenOption.READ))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
