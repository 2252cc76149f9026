package org.fence4j.agents.protocol.fenceagents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fence4j.agents.spi.AgentInfo;
import org.fence4j.agents.spi.FenceAgent;
import org.fence4j.agents.spi.FenceAgentProvider;
import org.fence4j.agents.spi.Origin;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.RawParameter;
import org.fence4j.agents.spi.RefusedParameter;
import org.junit.jupiter.api.Test;

class FenceAgentsInputTest {
    /** An agent that takes fence_ipmilan's options, with its letters, and refuses three others. */
    private static final FenceAgentProvider AGENT = new FenceAgentProvider() {
        @Override
        public String type() {
            return "bmc";
        }

        @Override
        public AgentInfo info() {
            return new AgentInfo("bmc", "a BMC", "a BMC", "");
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.string("ipaddr", "BMC address").withAliases("ip").withFenceAgentsName("ip")
                            .withShortOption('a'),
                    ParameterSpec.secret("passwd", "Password").withAliases("password").withFenceAgentsName("password")
                            .withShortOption('p'),
                    ParameterSpec.bool("lanplus", "Use RMCP+").withShortOption('P'),
                    ParameterSpec.string("userid", "User").withAliases("username", "login")
                            .withFenceAgentsName("username").withShortOption('l'),
                    ParameterSpec.integer("cipher", "Cipher suite").withShortOption('C'),
                    ParameterSpec.integer("power_wait", "Wait"));
        }

        @Override
        public List<RefusedParameter> refused() {
            return List.of(new RefusedParameter("auth", 'A', "IPMI 1.5 authentication types are not spoken; with"
                            + " lanplus (RMCP+) the cipher suite authenticates (parameter cipher)"),
                    new RefusedParameter("target", null, "IPMI bridging to another target address is not spoken"),
                    new RefusedParameter("ipmitool_path", null, "fence4j speaks IPMI itself and runs no ipmitool"));
        }

        @Override
        public FenceAgent create(Parameters parameters) {
            throw new UnsupportedOperationException("only its declarations are read");
        }
    };

    @Test
    void stdinAsPacemakersFencerWritesIt() {
        FenceAgentsInput in = FenceAgentsInput.fromStdin(List.of(
                "action=reboot", "nodename=pm02", "port=pm02", "ip=127.0.0.1", "passwd=\"se=cret\"",
                "power-wait=3", "", "   # a comment", "  lanplus=1  "), AGENT);

        assertThat(in.standard()).containsExactly(
                new RawParameter("action", "reboot", Origin.stdin(1)),
                new RawParameter("nodename", "pm02", Origin.stdin(2)),
                new RawParameter("port", "pm02", Origin.stdin(3)));
        assertThat(in.agent()).containsExactly(
                new RawParameter("ip", "127.0.0.1", Origin.stdin(4)),
                new RawParameter("passwd", "se=cret", Origin.stdin(5)),
                new RawParameter("power_wait", "3", Origin.stdin(6)),
                new RawParameter("lanplus", "1", Origin.stdin(9)));
        assertThat(in.warnings()).isEmpty();
        assertThat(in.errors()).isEmpty();
    }

    @Test
    void unknownStdinKeysAreWarnedAboutWithoutTheirValue() {
        FenceAgentsInput in = FenceAgentsInput.fromStdin(List.of("option=off", "pasword=hunter2", "noequals",
                "passwd_file=/etc/pw"), AGENT);

        assertThat(in.standard()).containsExactly(new RawParameter("option", "off", Origin.stdin(1)));
        assertThat(in.agent()).containsExactly(new RawParameter("passwd_file", "/etc/pw", Origin.stdin(4)));
        assertThat(in.warnings()).containsExactly("Parse error: Ignoring unknown option 'pasword'",
                "Parse error: Ignoring line 3: expected name=value");
        assertThat(String.join("\n", in.warnings())).doesNotContain("hunter2");
    }

    @Test
    void argvInEveryFormFenceAgentsAccept() {
        FenceAgentsInput in = FenceAgentsInput.fromArgv(List.of("-o", "status", "--ip=127.0.0.1", "-npm02",
                "--power-wait", "4", "--lanplus", "--passwd-file", "/etc/pw", "-q", "--delay=2"), AGENT);

        assertThat(in.errors()).isEmpty();
        assertThat(pairs(in.standard())).containsExactly("action=status", "plug=pm02", "quiet=1", "delay=2");
        assertThat(pairs(in.agent())).containsExactly("ip=127.0.0.1", "power_wait=4", "lanplus=1", "passwd_file=/etc/pw");
        assertThat(in.agent()).allMatch(p -> p.origin().commandLine());
    }

    @Test
    void aSecretOnTheCommandLineIsRefusedPointingToSaferWays() {
        FenceAgentsInput in = FenceAgentsInput.fromArgv(List.of("--password=hunter2", "--passwd", "hunter3"), AGENT);

        assertThat(in.agent()).isEmpty();
        assertThat(in.errors()).containsExactly(
                "--password: a secret is never taken from the command line (other users can read it in the process"
                        + " list); give --password-file=PATH, --password-env=VARIABLE or --password-script=COMMAND,"
                        + " or pass password=... on stdin",
                "--passwd: a secret is never taken from the command line (other users can read it in the process"
                        + " list); give --passwd-file=PATH, --passwd-env=VARIABLE or --passwd-script=COMMAND,"
                        + " or pass passwd=... on stdin");
        assertThat(in.warnings()).isEmpty(); // the refused value is consumed, not reported as unused
        assertThat(String.join("\n", in.errors()) + in.warnings()).doesNotContain("hunter");
    }

    @Test
    void unknownOrIncompleteOptionsAreErrorsOnTheCommandLine() {
        FenceAgentsInput in = FenceAgentsInput.fromArgv(List.of("--bogus=1", "-x", "--power-wait"), AGENT);

        assertThat(in.errors()).containsExactly("Parse error: option --bogus not recognized",
                "Parse error: option -x not recognized", "Parse error: option --power-wait requires argument");
    }

    @Test
    void fenceIpmilansShortOptionsWithAttachedOrSeparateValuesAndStackedFlags() {
        FenceAgentsInput in = FenceAgentsInput.fromArgv(List.of("-a", "127.0.0.1", "-ladmin", "-C", "3", "-Pqvv",
                "-S", "/usr/local/bin/bmc-password", "-ostatus", "-D", "/tmp/debug.log"), AGENT);

        assertThat(in.errors()).isEmpty();
        assertThat(pairs(in.agent())).containsExactly("ip=127.0.0.1", "username=admin", "cipher=3", "lanplus=1",
                "password_script=/usr/local/bin/bmc-password");
        assertThat(pairs(in.standard())).containsExactly("quiet=1", "verbose=1", "verbose=1", "action=status",
                "debug_file=/tmp/debug.log", "verbose_level=2");
    }

    @Test
    void aPasswordAfterItsShortOptionIsRefusedAndNeverEchoed() {
        FenceAgentsInput in = FenceAgentsInput.fromArgv(List.of("-phunter2", "-p", "hunter3", "-o", "status"), AGENT);
        assertThat(in.errors()).hasSize(2).allMatch(e -> e.startsWith("-p: a secret is never taken from the command line"));
        assertThat(in.standard()).extracting(RawParameter::key).containsExactly("action");
        assertThat(String.join("\n", in.errors()) + in.warnings()).doesNotContain("hunter");
    }

    @Test
    void fenceIpmilanOptionsFence4jDoesNotTakeAreRefusedWithTheReasonInBothForms() {
        FenceAgentsInput argv = FenceAgentsInput.fromArgv(List.of("-A", "md5", "--ipmitool-path=/usr/bin/ipmitool",
                "--use-sudo", "--bogus"), AGENT);
        assertThat(argv.errors()).containsExactly(
                "-A: not supported: IPMI 1.5 authentication types are not spoken; with lanplus (RMCP+) the cipher"
                        + " suite authenticates (parameter cipher)",
                "--ipmitool-path: not supported: fence4j speaks IPMI itself and runs no ipmitool",
                "--use-sudo: not supported: fence4j runs no third-party program, so nothing needs sudo",
                "Parse error: option --bogus not recognized");
        FenceAgentsInput stdin = FenceAgentsInput.fromStdin(List.of("action=off", "target=0x20", "bogus=1"), AGENT);
        assertThat(stdin.errors()).containsExactly("line 2: target: not supported: IPMI bridging to another target"
                + " address is not spoken");
        assertThat(stdin.warnings()).containsExactly("Parse error: Ignoring unknown option 'bogus'");
    }

    /** key=value of each parameter, in order. */
    private static List<String> pairs(List<RawParameter> parameters) {
        return parameters.stream().map(p -> p.key() + "=" + p.value()).toList();
    }
}
