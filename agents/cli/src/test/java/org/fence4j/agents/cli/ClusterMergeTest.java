package org.fence4j.agents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.fence4j.agents.chain.HistoryEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Which of this node's records are part of which of the cluster's events. */
class ClusterMergeTest {
    static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    @TempDir
    Path dir;

    static ClusterEvent event(String target, String status, String completed) {
        return new ClusterEvent(target, "reboot", status, null, "pacemaker-controld.1185", "node1", "node2",
                completed == null ? null : Instant.parse(completed));
    }

    static ClusterEvent rebooted(String target, String completed) {
        return event(target, ClusterEvent.SUCCESS, completed);
    }

    /** {@code name}, the cluster's events, this node's record lines, and the merged events as {@link #shown}. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("each level device Pacemaker ran here, the last one ending in the second of completion",
                        List.of(rebooted("pm11", "2026-12-07T04:27:15Z")),
                        List.of(RecordedHistory.device("pm11", "reset", "helper-pm11", "FAILURE",
                                "2026-12-07T04:26:30Z", "2026-12-07T04:26:40Z"),
                                RecordedHistory.device("pm11", "reset", "ipmi-pm11", "SUCCESS",
                                        "2026-12-07T04:26:40Z", "2026-12-07T04:27:15.900Z")),
                        List.of("pm11 cluster success device ipmi-pm11 [FAILURE, SUCCESS]")),
                Arguments.of("a request hours before stands alone",
                        List.of(rebooted("pm11", "2026-12-07T04:27:15Z")),
                        List.of(RecordedHistory.device("pm11", "reset", "ipmi-pm11", "SUCCESS",
                                "2026-12-07T01:00:00Z", "2026-12-07T01:00:01Z")),
                        List.of("pm11 local device ipmi-pm11 [SUCCESS]", "pm11 cluster success device null []")),
                Arguments.of("a record after the event (fence-cli by hand) stands alone",
                        List.of(rebooted("pm11", "2026-12-07T04:27:15Z")),
                        List.of(RecordedHistory.device("pm11", "off", "ipmi-pm11", "SUCCESS",
                                "2026-12-07T04:27:20Z", "2026-12-07T04:27:21Z")),
                        List.of("pm11 cluster success device null []", "pm11 local device ipmi-pm11 [SUCCESS]")),
                Arguments.of("two events of a target each take their own",
                        List.of(rebooted("pm11", "2026-12-07T04:40:00Z"), rebooted("pm11", "2026-12-07T04:20:00Z")),
                        List.of(RecordedHistory.device("pm11", "reset", "ipmi-a", "SUCCESS",
                                "2026-12-07T04:19:50Z", "2026-12-07T04:19:59Z"),
                                RecordedHistory.device("pm11", "reset", "ipmi-b", "SUCCESS",
                                        "2026-12-07T04:39:50Z", "2026-12-07T04:39:59Z")),
                        List.of("pm11 cluster success device ipmi-a [SUCCESS]",
                                "pm11 cluster success device ipmi-b [SUCCESS]")),
                Arguments.of("another target's record, and a monitor's, are no part of it",
                        List.of(rebooted("pm11", "2026-12-07T04:27:15Z")),
                        List.of(RecordedHistory.device("pm12", "reset", "ipmi-pm12", "SUCCESS",
                                "2026-12-07T04:27:00Z", "2026-12-07T04:27:10Z"),
                                RecordedHistory.device("pm11", "monitor", "ipmi-pm11", "FAILURE",
                                        "2026-12-07T04:27:00Z", "2026-12-07T04:27:10Z")),
                        List.of("pm12 local device ipmi-pm12 [SUCCESS]", "pm11 local device ipmi-pm11 [FAILURE]",
                                "pm11 cluster success device null []")),
                Arguments.of("the node's name in another case is the same node",
                        List.of(rebooted("PM11", "2026-12-07T04:27:15Z")),
                        List.of(RecordedHistory.device("pm11", "reset", "ipmi-pm11", "SUCCESS",
                                "2026-12-07T04:27:00Z", "2026-12-07T04:27:10Z")),
                        List.of("PM11 cluster success device ipmi-pm11 [SUCCESS]")),
                Arguments.of("a pending event takes what ran since, and comes last",
                        List.of(event("pm11", ClusterEvent.PENDING, null), rebooted("pm12", "2026-12-07T04:27:15Z")),
                        List.of(RecordedHistory.device("pm11", "reset", "helper-pm11", "FAILURE",
                                "2026-12-07T04:59:00Z", "2026-12-07T04:59:30Z")),
                        List.of("pm12 cluster success device null []",
                                "pm11 cluster pending device helper-pm11 [FAILURE]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void merges(String name, List<ClusterEvent> cluster, List<String> lines, List<String> expected) throws Exception {
        List<HistoryEntry> local = RecordedHistory.read(dir.resolve("state"), lines.toArray(String[]::new));
        assertThat(ClusterMerge.merge(cluster, local, NOW).stream().map(ClusterMergeTest::shown))
                .containsExactlyElementsOf(expected);
    }

    /** {@code pm11 cluster success device ipmi-pm11 [FAILURE, SUCCESS]}: whose, which device, its records' outcomes. */
    static String shown(FencingEvent e) {
        return e.target() + " " + (e.cluster() == null ? "local" : "cluster " + e.cluster().status()) + " device "
                + e.device() + " " + e.local().stream().map(HistoryEntry::outcome).toList();
    }
}
