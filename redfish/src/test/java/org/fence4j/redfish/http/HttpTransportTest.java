package org.fence4j.redfish.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fence4j.agents.spi.Deadline;
import org.fence4j.redfish.tls.TlsTrust;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    /** The trickling service's most header lines, 100 ms apart: far past every deadline below. */
    private static final int MOST_LINES = 300;

    @Test
    void anAnswerThatTricklesInEndsByTheDeadlineThoughEachReadIsInTime() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> linesSent = CompletableFuture.supplyAsync(() -> trickle(server));
            HttpTransport http = new HttpTransport(new Endpoint(false, "127.0.0.1", server.getLocalPort()),
                    TlsTrust.insecure());

            assertThatThrownBy(() -> http.exchange(Request.get("/redfish/v1", Map.of()),
                    Deadline.after(Duration.ofSeconds(1))))
                    .isInstanceOf(AnswerLostException.class)
                    .hasMessageStartingWith("no whole answer by the deadline");
            // the connection was closed under the service while it still had lines to send
            assertThat(linesSent.get(20, TimeUnit.SECONDS)).isBetween(1, MOST_LINES - 1);
        }
    }

    /** Takes one request and answers a status line, then a header line every 100 ms; returns how many it wrote. */
    private static int trickle(ServerSocket server) {
        int written = 0;
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            // the request's head ends with an empty line
            for (int last = 0, c; (c = in.read()) >= 0; ) {
                last = c == '\r' ? last : (last << 8 | c) & 0xffff;
                if (last == ('\n' << 8 | '\n')) {
                    break;
                }
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int line = 1; line <= MOST_LINES; line++) {
                Thread.sleep(100);
                out.write(("X-Trickle: " + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                written = line;
            }
        } catch (IOException e) {
            // the client closed the connection: what was written so far is the answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return written;
    }
}
