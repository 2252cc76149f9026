package org.fence4j.ipmi.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
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

/** Our digests, HMAC, AES and random source (written to spare every call the JCA's start-up) give the published vectors and the JDK's bytes. */
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
            AesCbc128 k2 = new AesCbc128(key);
            byte[] ours = k2.encrypt(iv, plain);
            Cipher jdk = Cipher.getInstance("AES/CBC/NoPadding");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            byte[] padded = Arrays.copyOfRange(ours, 16, ours.length);
            jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            byte[] jdkPlain = jdk.doFinal(padded);
            assertThat(Arrays.copyOf(jdkPlain, plain.length)).isEqualTo(plain);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            assertThat(jdk.doFinal(jdkPlain)).isEqualTo(padded);
            assertThat(k2.decrypt(ours)).contains(plain);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // FIPS 180-4's and RFC 1321's examples: "abc", and a message of two blocks once padded
        "SHA-1, abc, a9993e364706816aba3e25717850c26c9cd0d89d",
        "SHA-1, abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, 84983e441c3bd26ebaae4aa1f95129e5e54670f1",
        "SHA-256, abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "SHA-256, abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq,"
            + " 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        "MD5, abc, 900150983cd24fb0d6963f7d28e17f72",
        "MD5, 12345678901234567890123456789012345678901234567890123456789012345678901234567890,"
            + " 57edf4a22be3c955ac49da2e2107b67a",
    })
    void digestsGiveThePublishedVectors(String name, String message, String digest) {
        Digest d = Digest.named(name);
        d.update(message.getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(d.digest())).isEqualTo(digest);
    }

    /** Every length around the block and padding edges, fed whole and in uneven pieces, and copies that go on. */
    @Test
    void digestsMatchTheJdkOnEveryLengthAndSplit() throws Exception {
        Random random = new Random(1804);
        for (String name : List.of("MD5", "SHA-1", "SHA-256")) {
            for (int length = 0; length <= 300; length++) {
                byte[] message = bytes(random, length);
                byte[] expected = MessageDigest.getInstance(name).digest(message);
                Digest whole = Digest.named(name);
                whole.update(message);
                assertThat(whole.digest()).as("%s of %d bytes", name, length).isEqualTo(expected);

                Digest pieces = Digest.named(name);
                int at = 0;
                while (at < length) {
                    int n = Math.min(length - at, random.nextInt(70));
                    pieces.update(message, at, n);
                    at += n;
                }
                int half = length / 2;
                Digest first = Digest.named(name);
                first.update(message, 0, half);
                Digest copy = first.copy();
                first.update(bytes(random, 3));   // the copy does not see what its original takes later
                copy.update(message, half, length - half);
                assertThat(pieces.digest()).isEqualTo(expected);
                assertThat(copy.digest()).isEqualTo(expected);
            }
        }
    }

    /** The kernel's source: distinct, well-spread bytes through the JDK's SecureRandom API, and no JCA provider set up. */
    @Test
    void kernelRandomGivesDistinctWellSpreadBytes() {
        SecureRandom random = KernelRandom.create();
        assertThat(random).isInstanceOf(KernelRandom.class);
        assertThat(random.getProvider()).isNull();
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        random.nextBytes(a);
        random.nextBytes(b);
        assertThat(a).isNotEqualTo(b);
        int[] counts = new int[256];
        for (byte x : a) {
            counts[x & 0xff]++;
        }
        // 16 per value expected; a stuck or low-entropy source fails this, a fair one in about 1e-30
        assertThat(Arrays.stream(counts).max().getAsInt()).isLessThan(64);
        assertThat(random.generateSeed(16)).hasSize(16);
        assertThat(java.util.stream.IntStream.range(0, 64).map(i -> random.nextInt()).distinct().count()).isGreaterThan(60);
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

    /** Each HMAC has digests of its own: threads hashing at once still get the JDK's bytes. */
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
