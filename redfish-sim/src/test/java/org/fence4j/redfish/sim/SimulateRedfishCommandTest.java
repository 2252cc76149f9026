package org.fence4j.redfish.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateRedfishCommandTest {

    private static String usageError(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new SimulateRedfishCommand());
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute(args)).isEqualTo(2);
        return err.toString();
    }

    @Test
    void thePasswordNeverComesFromTheCommandLine() {
        assertThat(usageError("--port", "0")).contains("--password-file or --password-env");
    }

    @Test
    void onlyALoopbackAddressIsListenedOn() {
        assertThat(usageError("--address", "0.0.0.0", "--password-env", "PATH")).contains("loopback addresses only");
    }

    @Test
    void badValuesAreNamed() {
        assertThat(usageError("--power", "maybe", "--password-env", "PATH")).contains("--power: expected on or off");
        assertThat(usageError("--cert", "/nonexistent.pem", "--password-env", "PATH")).contains("--cert and --key");
    }

    @Test
    void aPortInUseIsSaidSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new SimulateRedfishCommand()).setErr(new PrintWriter(err, true));
            assertThat(command.execute("--port", String.valueOf(taken.getLocalPort()), "--password-env", "PATH"))
                    .isEqualTo(1);
            assertThat(err.toString()).isEqualTo("simulate-redfish: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use" + System.lineSeparator());
        }
    }
}
