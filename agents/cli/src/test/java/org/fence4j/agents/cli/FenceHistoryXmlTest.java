package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * stonith_admin's answers as Pacemaker 2.1.5 wrote them (captured from {@code stonith_admin --history '*'
 * --verbose --output-as xml} against pacemaker-fenced -c on a loopback corosync, with fence_dummy devices: a
 * reboot, an off that timed out, a reboot through a two-level topology, and a slow reboot, under way and ended;
 * failed-without-reason.xml by ClusterHistoryIT, whose chain device exits 1: the fencer gives no exit-reason).
 */
class FenceHistoryXmlTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static byte[] captured(String name) throws IOException {
        try (InputStream in = FenceHistoryXmlTest.class.getResourceAsStream("stonith-admin/" + name)) {
            return in.readAllBytes();
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("four-ended.xml", 4, "pm04 reboot success by capnode for stonith_admin.16718 on capnode"
                        + " at 2026-12-07T04:27:36Z"),
                Arguments.of("one-pending.xml", 4, "pm04 reboot pending by null for stonith_admin.16718 on capnode"
                        + " at null"),
                Arguments.of("failed-without-reason.xml", 2, "pm22 off failed by fence4j-it-node for"
                        + " stonith_admin.1119 on fence4j-it-node at 2026-12-07T04:36:33Z"),
                Arguments.of("none.xml", 0, null));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void readsEveryEventNewestFirst(String file, int count, String newest) throws IOException {
        ClusterHistory history = FenceHistoryXml.read(captured(file), PARIS);
        assertThat(history.available()).isTrue();
        assertThat(history.events()).hasSize(count);
        if (newest != null) {
            ClusterEvent e = history.events().get(0);
            assertThat(e.target() + " " + e.action() + " " + e.status() + " by " + e.delegate() + " for " + e.client()
                    + " on " + e.origin() + " at " + e.completed()).isEqualTo(newest);
        }
    }

    @Test
    void aFailureKeepsItsReason() throws IOException {
        ClusterEvent off = FenceHistoryXml.read(captured("four-ended.xml"), PARIS).events().get(2);
        assertThat(off.status()).isEqualTo(ClusterEvent.FAILED);
        assertThat(off.exitReason()).isEqualTo("Fence agent did not complete within 30s");
        assertThat(off.completed()).isEqualTo(Instant.parse("2026-12-07T04:26:45Z"));
    }

    @Test
    void aFailureWithoutReasonSaysWhoTriedAndNothingMore() throws IOException {
        ClusterEvent off = FenceHistoryXml.read(captured("failed-without-reason.xml"), PARIS).events().get(0);
        assertThat(off.exitReason()).isNull();
        assertThat(HistoryText.cluster(off))
                .isEqualTo("off failed: tried by fence4j-it-node for stonith_admin.1119 on fence4j-it-node");
    }

    @Test
    void anErrorIsWhyThereIsNoHistory() throws IOException {
        ClusterHistory history = FenceHistoryXml.read(captured("not-connected.xml"), PARIS);
        assertThat(history.available()).isFalse();
        assertThat(history.unavailable()).isEqualTo("Could not connect to fencer: Transport endpoint is not connected");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-07 04:26:15Z          | 2026-12-07T04:26:15Z",
        "2026-12-07 04:26:15.123456Z   | 2026-12-07T04:26:15.123456Z",
        "2026-12-07 05:26:15 +01:00    | 2026-12-07T04:26:15Z",
        "2026-12-07 05:26:15+0100      | 2026-12-07T04:26:15Z",
        "2026-12-07 05:26:15           | 2026-12-07T04:26:15Z",
    })
    void completedIsReadWithOrWithoutFractionAndOffset(String completed, String instant) throws IOException {
        assertThat(FenceHistoryXml.instant(completed, PARIS)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yesterday | is not a time",
        "2026-13-07 04:26:15Z | is not a time",
    })
    void aCompletedThatIsNoTimeIsRefused(String completed, String message) {
        assertThatThrownBy(() -> FenceHistoryXml.instant(completed, PARIS)).hasMessageContaining(message);
    }

    @Test
    void anEntityIsNeverResolved() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <pacemaker-result><list><fence_event target="&secret;"/></list><status code="0"/></pacemaker-result>
                """;
        assertThatThrownBy(() -> FenceHistoryXml.read(hostile.getBytes(StandardCharsets.UTF_8), PARIS))
                .isInstanceOf(IOException.class).hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");
    }

    @Test
    void anotherDocumentIsRefused() {
        assertThatThrownBy(() -> FenceHistoryXml.read("<cib/>".getBytes(StandardCharsets.UTF_8), PARIS))
                .hasMessage("expected <pacemaker-result>, got <cib>");
        assertThatThrownBy(() -> FenceHistoryXml.read("usage: ...".getBytes(StandardCharsets.UTF_8), PARIS))
                .hasMessageStartingWith("not XML: ");
    }
}
