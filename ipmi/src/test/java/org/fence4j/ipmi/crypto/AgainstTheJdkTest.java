package org.fence4j.ipmi.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our HMAC and AES (written to spare every call the JCE's start-up) give the published vectors and the JDK's bytes. */
class AgainstTheJdkTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aesEncryptsAndDecryptsTheExampleOfFips197() {
        Aes128 aes = new Aes128(HEX.parseHex("000102030405060708090a0b0c0d0e0f"), 0);
        byte[] block = HEX.parseHex("00112233445566778899aabbccddeeff");
        aes.encrypt(block);
        assertThat(HEX.formatHex(block)).isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
        aes.decrypt(block);
        assertThat(HEX.formatHex(block)).isEqualTo("00112233445566778899aabbccddeeff");
    }

    @Test
    void aesCbcMatchesTheJdkCipherOnRandomKeysAndLengths() throws Exception {
        Random random = new Random(4242);
        for (int n = 0; n < 300; n++) {
            byte[] key = bytes(random, 20);   // K2 is 20 bytes; AES-128 takes the first 16
            byte[] iv = bytes(random, 16);
            byte[] plain = bytes(random, random.nextInt(80));
            byte[] ours = AesCbc128.encrypt(key, iv, plain);
            Cipher jdk = Cipher.getInstance("AES/CBC/NoPadding");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            byte[] padded = Arrays.copyOfRange(ours, 16, ours.length);
            jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            byte[] jdkPlain = jdk.doFinal(padded);
            assertThat(Arrays.copyOf(jdkPlain, plain.length)).isEqualTo(plain);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            assertThat(jdk.doFinal(jdkPlain)).isEqualTo(padded);
            assertThat(AesCbc128.decrypt(key, ours)).contains(plain);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // RFC 2202 test cases 2 and 6 (a key longer than the block is hashed first), RFC 4231 test case 2
        "SHA-1, 4a656665, what do ya want for nothing?, effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        "MD5, 4a656665, what do ya want for nothing?, 750c783e6ab0b503eaa86e310a5db738",
        "SHA-1, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            + ", Test Using Larger Than Block-Size Key - Hash Key First, aa4ae5e15272d00e95705637ce8a3b55ed402112",
        "SHA-256, 4a656665, what do ya want for nothing?, 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    })
    void hmacGivesThePublishedVectors(String digest, String key, String message, String mac) {
        assertThat(HEX.formatHex(Hmac.compute(digest, HEX.parseHex(key), message.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(mac);
    }

    @Test
    void hmacMatchesTheJdkMacOnRandomKeysAndParts() throws Exception {
        Random random = new Random(2104);
        String[][] names = {{"SHA-1", "HmacSHA1"}, {"MD5", "HmacMD5"}, {"SHA-256", "HmacSHA256"}};
        for (int n = 0; n < 300; n++) {
            String[] name = names[n % names.length];
            byte[] key = bytes(random, 1 + random.nextInt(100));   // the JDK refuses an empty key
            byte[] a = bytes(random, random.nextInt(70));
            byte[] b = bytes(random, random.nextInt(70));
            Mac jdk = Mac.getInstance(name[1]);
            jdk.init(new SecretKeySpec(key, name[1]));
            jdk.update(a);
            jdk.update(b);
            assertThat(Hmac.compute(name[0], key, a, b)).isEqualTo(jdk.doFinal());
        }
        // IPMI's empty password: HMAC pads the key with zeros, so it equals a single zero byte
        assertThat(Hmac.compute("SHA-1", new byte[0], new byte[] {1}))
                .isEqualTo(Hmac.compute("SHA-1", new byte[1], new byte[] {1}));
    }

    /** The digests are copies of one per algorithm: threads that share them still get the JDK's bytes. */
    @Test
    void hmacFromManyThreadsAtOnceMatchesTheJdkMac() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                threads.add(pool.submit(() -> {
                    Mac jdk = Mac.getInstance("HmacSHA1");
                    for (int n = 0; n < 200; n++) {
                        byte[] key = bytes(random, 1 + random.nextInt(40));
                        byte[] message = bytes(random, random.nextInt(90));
                        jdk.init(new SecretKeySpec(key, "HmacSHA1"));
                        assertThat(Hmac.compute("SHA-1", key, message)).isEqualTo(jdk.doFinal(message));
                    }
                    return 200;
                }));
            }
            for (Future<Integer> thread : threads) {
                assertThat(thread.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
