package org.fence4j.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fence4j.agents.process.ExecutableSearch;
import org.fence4j.agents.spi.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every parameter rule, with the message an operator gets. */
class HelperSettingsTest {

    @Test
    void upstreamDefaults() throws Exception {
        HelperSettings s = TestParameters.settings("hostlist", "pm02", "dead_check_target", "169.254.77.2",
                "standby_check_command", "true");

        assertThat(s.hostlist()).containsExactly("pm02");
        assertThat(s.deadCheck()).isTrue();
        assertThat(s.trialCount()).isEqualTo(5);
        assertThat(s.standbyWait()).isTrue();
        assertThat(s.standbyCheckCommand()).contains("true");
        assertThat(s.standbyWaitTime()).isEqualTo(Duration.ofSeconds(25));
        assertThat(s.onlineCheck()).isTrue();
        assertThat(s.onlineCheckRetryMax()).isEqualTo(5);
        assertThat(s.quorumCheck()).isFalse();
        assertThat(s.quorumCheckWaitTime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void listsTakeCommasAndSpaces() throws Exception {
        HelperSettings s = TestParameters.settings("hostlist", " pm01,pm02  pm03 ,",
                "dead_check_target", "169.254.77.2,::1  fe80::1%lo,169.254.77.6%veth-f4j",
                "run_standby_wait", "no");

        assertThat(s.hostlist()).containsExactly("pm01", "pm02", "pm03");
        assertThat(s.addresses()).extracting(ProbeAddress::text)
                .containsExactly("169.254.77.2", "::1", "fe80::1%lo", "169.254.77.6%veth-f4j");
        assertThat(s.addresses()).extracting(ProbeAddress::ipv6).containsExactly(false, true, true, false);
        assertThat(s.addresses()).extracting(ProbeAddress::interfaceName)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of("lo"), Optional.of("veth-f4j"));
        assertThat(s.covers("PM02")).isTrue();
        assertThat(s.covers("pm04")).isFalse();
    }

    @Test
    void checksAreOptionalWhenTurnedOff() throws Exception {
        HelperSettings s = TestParameters.settings("hostlist", "pm02", "run_dead_check", "no", "run_standby_wait", "no");

        assertThat(s.addresses()).isEmpty();
        assertThat(s.standbyCheckCommand()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            hostlist              | ' , '                  | hostlist: expected at least one node name, got ' , '
            dead_check_target     | pm02                   | dead_check_target: 'pm02' is not an IP address; give IPv4 or IPv6 literals (optionally addr%ifname), not host names
            dead_check_target     | pm02.example.org       | dead_check_target: 'pm02.example.org' is not an IP address
            dead_check_target     | deadbeef               | dead_check_target: 'deadbeef' is not an IP address
            dead_check_target     | 169.254.77.256         | dead_check_target: '169.254.77.256': 256 is not an IPv4 address byte (0-255)
            dead_check_target     | 169.254.77             | dead_check_target: '169.254.77' is not an IP address
            dead_check_target     | fe80::1::2             | dead_check_target: 'fe80::1::2' is not a valid IPv6 address
            dead_check_target     | 169.254.77.2%          | dead_check_target: '169.254.77.2%': expected a network interface name after '%'
            dead_check_target     | fe80::1%-x             | dead_check_target: 'fe80::1%-x': expected a network interface name after '%'
            dead_check_target     | ::1%an-interface-name-too-long | expected a network interface name after '%'
            dead_check_target     | 224.0.0.1              | dead_check_target: '224.0.0.1' is a multicast address: nothing answers a ping to it, so silence would prove nothing; expected an address of the target itself
            dead_check_target     | 169.254.77.2 240.0.0.1 | dead_check_target: '240.0.0.1' is in 240.0.0.0/4, reserved
            dead_check_target     | 255.255.255.255        | dead_check_target: '255.255.255.255' is the limited broadcast address
            dead_check_target     | 0.0.0.0                | dead_check_target: '0.0.0.0' is the unspecified address
            dead_check_target     | ::                     | dead_check_target: '::' is the unspecified address
            dead_check_target     | ::ffff:224.0.0.1       | dead_check_target: '::ffff:224.0.0.1' is a multicast address
            dead_check_target     | ff02::1%lo             | dead_check_target: 'ff02::1%lo' is a multicast address
            dead_check_target     | fe80::1                | dead_check_target: 'fe80::1' is a link-local address without an interface: no link to send it on, so silence would prove nothing; write it as addr%ifname, e.g. fe80::1%eth1
            dead_check_trialcount | 0                      | dead_check_trialcount: expected a whole number of at least 1, got '0'
            online_check_retry_max| -1                     | online_check_retry_max: expected a whole number of at least 1, got '-1'
            standby_check_command | no-such-program-f4j -W | standby_check_command: 'no-such-program-f4j' is not an executable file on PATH (/usr/bin:/bin); expected the command's first word to name a program
            standby_check_command | /no/such/dir/check    | standby_check_command: '/no/such/dir/check' is not an executable file; expected
            """)
    void aBadValueIsRefusedWithItsReason(String key, String value, String message) {
        Map<String, String> params = new LinkedHashMap<>(Map.of(
                "hostlist", "pm02", "dead_check_target", "169.254.77.2", "standby_check_command", "true"));
        params.put(key, value);
        String[] keyValues = params.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);

        assertThatThrownBy(() -> TestParameters.settings(keyValues))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining(message);
    }

    @Test
    void deadCheckTargetIsRequiredByTheDeadCheck() {
        assertThatThrownBy(() -> TestParameters.settings("hostlist", "pm02", "standby_check_command", "true"))
                .hasMessage("parameter 'dead_check_target' is required when 'run_dead_check' is yes: give the"
                        + " target's IP addresses separated by ',' or spaces, or set run_dead_check=no");
    }

    @Test
    void standbyCheckCommandIsRequiredByTheStandbyWait() {
        assertThatThrownBy(() -> TestParameters.settings("hostlist", "pm02", "dead_check_target", "::1"))
                .hasMessage("parameter 'standby_check_command' is required when 'run_standby_wait' is yes: give a"
                        + " command that exits 0 on the active node, or set run_standby_wait=no");
    }

    @Test
    void aBlankStandbyCheckCommandCountsAsMissing() {
        assertThatThrownBy(() -> TestParameters.settings("hostlist", "pm02", "dead_check_target", "::1",
                "standby_check_command", "   "))
                .hasMessageContaining("parameter 'standby_check_command' is required");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> TestParameters.settings("hostlist", "pm02", "dead_check_target", "pm02-ic1 169.254.77.2",
                "dead_check_trialcount", "0"))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anyMatch(p -> p.contains("'pm02-ic1' is not an IP address"))
                        .anyMatch(p -> p.contains("dead_check_trialcount"))
                        .anyMatch(p -> p.contains("'standby_check_command' is required")));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedByItsDeclaration() {
        assertThatThrownBy(() -> TestParameters.settings("hostlist", "pm02", "run_dead_check", "maybe"))
                .hasMessageContaining("fence4j.yaml:2: run_dead_check: expected a boolean");
        assertThatThrownBy(() -> TestParameters.settings("hostlist", "pm02", "standby_wait_time", "25s"))
                .hasMessageContaining("standby_wait_time: expected a number of seconds, got '25s'");
    }

    @Test
    void theStandbyCommandIsFoundOnTheSearchPath(@TempDir Path dir) throws Exception {
        Path program = Files.createFile(dir.resolve("is-active"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path notExecutable = Files.createFile(dir.resolve("not-executable"));
        ExecutableSearch search = new ExecutableSearch("/no/such/dir::" + dir);

        assertThat(search.test("is-active")).isTrue();
        assertThat(search.test(program.toString())).isTrue();
        assertThat(search.test("not-executable")).isFalse();
        assertThat(search.test(notExecutable.toString())).isFalse();
        Files.createDirectory(dir.resolve("a-directory"));
        assertThat(search.test("a-directory")).isFalse();
        assertThat(HelperSettings.from(TestParameters.resolve("hostlist", "pm02", "dead_check_target", "::1",
                "standby_check_command", "is-active --resource web"), search).standbyCheckCommand())
                .contains("is-active --resource web");
    }
}
