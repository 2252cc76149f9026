package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stonith_admin run bounded, and every way it can fail to give the cluster's history. */
class StonithAdminTest {
    @TempDir
    Path dir;

    ClusterHistory ask(StandInStonithAdmin admin, Duration limit, Optional<String> target) throws Exception {
        return new StonithAdmin(admin.searchPath(), ZoneOffset.UTC, limit).history(target);
    }

    @Test
    void asksForEveryEventOfEveryTargetAsXml() throws Exception {
        StandInStonithAdmin admin = StandInStonithAdmin.answering(dir, "four-ended.xml", 0);
        ClusterHistory history = ask(admin, StonithAdmin.LIMIT, Optional.empty());
        assertThat(history.events()).hasSize(4);
        assertThat(Files.readString(admin.arguments())).isEqualTo("--history * --verbose --output-as xml\n");
        ask(admin, StonithAdmin.LIMIT, Optional.of("pm02"));
        assertThat(Files.readString(admin.arguments())).isEqualTo("--history pm02 --verbose --output-as xml\n");
    }

    @Test
    void withoutAFencerItSaysWhatStonithAdminSaid() throws Exception {
        ClusterHistory history = ask(StandInStonithAdmin.answering(dir, "not-connected.xml", 102), StonithAdmin.LIMIT,
                Optional.empty());
        assertThat(history.unavailable())
                .isEqualTo("stonith_admin: Could not connect to fencer: Transport endpoint is not connected");
    }

    @Test
    void withoutStonithAdminItSaysSo() throws Exception {
        ClusterHistory history = new StonithAdmin(Files.createDirectory(dir.resolve("empty")).toString(),
                ZoneOffset.UTC, StonithAdmin.LIMIT).history(Optional.empty());
        assertThat(history.unavailable()).isEqualTo("cannot run stonith_admin: no such executable file on the PATH");
    }

    @Test
    void aPacemakerWithoutXmlOutputIsNamedByItsOwnWords() throws Exception {
        StandInStonithAdmin old = new StandInStonithAdmin(dir, "echo \"stonith_admin: unrecognized option"
                + " '--output-as'\" >&2\nexit 64");
        assertThat(ask(old, StonithAdmin.LIMIT, Optional.empty()).unavailable())
                .isEqualTo("stonith_admin (exit code 64): stonith_admin: unrecognized option '--output-as'");
    }

    @Test
    void aFencerThatDoesNotAnswerCostsAtMostTheLimit() throws Exception {
        StandInStonithAdmin hanging = new StandInStonithAdmin(dir, "exec /bin/sleep 600");
        long started = System.nanoTime();
        ClusterHistory history = ask(hanging, Duration.ofMillis(300), Optional.empty());
        assertThat(history.unavailable()).isEqualTo("stonith_admin did not answer within 0.3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anEndlessAnswerIsCutAtTheBound() throws Exception {
        StandInStonithAdmin endless = new StandInStonithAdmin(dir, "exec /usr/bin/yes '<fence_event/>'");
        assertThat(ask(endless, StonithAdmin.LIMIT, Optional.empty()).unavailable())
                .contains("printed more than " + StonithAdmin.MAX_OUTPUT + " bytes");
    }
}
