package org.fence4j.meatware.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyRecordTest {
    private static final Confirmer ALICE = new Confirmer("alice", null, "1000", "/dev/pts/3");

    /** 256 bytes that cluster-glue 1.0.12's meatclient -c PMCAP wrote: a C string, then stack garbage. */
    @Test
    void decodesTheRecordTheRealMeatclientWrote() throws IOException {
        byte[] captured;
        try (InputStream in = getClass().getResourceAsStream("/org/fence4j/meatware/meatclient-reply-pmcap.bin")) {
            captured = in.readAllBytes();
        }
        assertThat(captured).hasSize(ReplyRecord.SIZE);
        assertThat(Arrays.copyOfRange(captured, 32, 64)).as("not NUL padded").isNotEqualTo(new byte[32]);

        Reply reply = ReplyRecord.decode(captured, captured.length);

        assertThat(reply).isEqualTo(new Reply.Confirmation("pmcap", ""));
        assertThat(((Reply.Confirmation) reply).confirms("pmcap")).isTrue();
    }

    @Test
    void encodesHostThenConfirmerAndPadsWithNul() {
        byte[] record = ReplyRecord.encode("PM02", ALICE);

        String text = "meatware reply pm02 by=alice uid=1000 tty=/dev/pts/3";
        assertThat(record).hasSize(256);
        assertThat(new String(record, 0, text.length(), StandardCharsets.US_ASCII)).isEqualTo(text);
        assertThat(Arrays.copyOfRange(record, text.length(), 256)).isEqualTo(new byte[256 - text.length()]);
        assertThat(ReplyRecord.decode(record, record.length))
                .isEqualTo(new Reply.Confirmation("pm02", "by=alice uid=1000 tty=/dev/pts/3"));
    }

    @Test
    void dropsTheConfirmerRatherThanTheTerminatingNulWhenTooLong() {
        String host = "n".repeat(Hostnames.MAX_LENGTH);
        Confirmer longWinded = new Confirmer("u".repeat(40), "s".repeat(40), "1".repeat(40), "/dev/pts/" + "9".repeat(40));

        byte[] record = ReplyRecord.encode(host, longWinded);

        assertThat(record[255]).isZero();
        assertThat(ReplyRecord.decode(record, 256)).isEqualTo(new Reply.Confirmation(host, ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // what arrives                     | decoded host or (unusable) | confirms pmtest
        "meatware reply pmtest              | pmtest     | true",
        "meatware reply PMTEST              | pmtest     | true",
        "  meatware   reply\\tpmtest\\n       | pmtest     | true",
        "meatware reply pmtest by=root uid=0| pmtest     | true",
        // cluster-glue 1.0.12 accepts these two (prefix match, verified); fence4j does not
        "meatware reply pm                  | pm         | false",
        "meatwareX replyZ pmtest            | (unusable) | false",
        "meatware reply pmtestlonger        | pmtestlonger | false",
        "meatware reply pm01                | pm01       | false",
        "meatware reply                     | (unusable) | false",
        "reply meatware pmtest              | (unusable) | false",
        "garbage                            | (unusable) | false",
    })
    void decodes(String text, String expectedHost, boolean confirmsPmtest) {
        byte[] bytes = text.replace("\\t", "\t").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);

        Reply reply = ReplyRecord.decode(bytes, bytes.length);

        if (expectedHost.equals("(unusable)")) {
            assertThat(reply).isInstanceOf(Reply.Unusable.class);
            assertThat(((Reply.Unusable) reply).reason()).startsWith("format error");
        } else {
            assertThat(reply).isInstanceOfSatisfying(Reply.Confirmation.class, c -> {
                assertThat(c.host()).isEqualTo(expectedHost);
                assertThat(c.confirms("pmtest")).isEqualTo(confirmsPmtest);
            });
        }
    }

    @Test
    void endOfFileIsACancellation() {
        assertThat(ReplyRecord.decode(new byte[256], 0)).isInstanceOfSatisfying(Reply.Unusable.class,
                u -> assertThat(u.reason()).contains("without confirming"));
        assertThat(ReplyRecord.decode(new byte[256], -1)).isInstanceOf(Reply.Unusable.class);
    }

    @Test
    void unprintableBytesAreNotEchoedIntoMessages() {
        byte[] bytes = "meat\u001b[2J\u0007".getBytes(StandardCharsets.ISO_8859_1);

        Reply reply = ReplyRecord.decode(bytes, bytes.length);

        assertThat(((Reply.Unusable) reply).reason()).doesNotContain("\u001b").doesNotContain("\u0007");
    }
}
