package org.fence4j.ipmi.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our wrappers of the JDK's HMAC and AES give the published test vectors: RFC 2202 (HMAC-MD5,
 * HMAC-SHA1), RFC 4231 (HMAC-SHA256), the well-known HMACs of an empty key and message, NIST
 * SP 800-38A F.2 (CBC-AES128) and FIPS-197 / AESAVS.
 * A key or message is hex, {@code XX*N} (the byte XX N times) or 'text' (its ASCII).
 */
class PublishedVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "HMAC_MD5, RFC 2202 1, 0b*16, 'Hi There', 9294727a3638bb1c13f48ef8158bfc9d",
        "HMAC_MD5, RFC 2202 2, 'Jefe', 'what do ya want for nothing?', 750c783e6ab0b503eaa86e310a5db738",
        "HMAC_MD5, RFC 2202 3, aa*16, dd*50, 56be34521d144c88dbb8c733f0e8b3f6",
        "HMAC_MD5, RFC 2202 4, 0102030405060708090a0b0c0d0e0f10111213141516171819, cd*50, 697eaf0aca3a3aea3a75164746ffaa79",
        "HMAC_MD5, RFC 2202 5, 0c*16, 'Test With Truncation', 56461ef2342edc00f9bab995690efd4c",
        "HMAC_MD5, RFC 2202 6, aa*80, 'Test Using Larger Than Block-Size Key - Hash Key First',"
            + " 6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
        "HMAC_MD5, RFC 2202 7, aa*80, 'Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data',"
            + " 6f630fad67cda0ee1fb1f562db3aa53e",
        "HMAC_SHA1, RFC 2202 1, 0b*20, 'Hi There', b617318655057264e28bc0b6fb378c8ef146be00",
        "HMAC_SHA1, RFC 2202 2, 'Jefe', 'what do ya want for nothing?', effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        "HMAC_SHA1, RFC 2202 3, aa*20, dd*50, 125d7342b9ac11cd91a39af48aa17b4f63f175d3",
        "HMAC_SHA1, RFC 2202 4, 0102030405060708090a0b0c0d0e0f10111213141516171819, cd*50,"
            + " 4c9007f4026250c6bc8414f9bf50c86c2d7235da",
        "HMAC_SHA1, RFC 2202 5, 0c*20, 'Test With Truncation', 4c1a03424b55e07fe7f27be1d58bb9324a9a5a04",
        "HMAC_SHA1, RFC 2202 6, aa*80, 'Test Using Larger Than Block-Size Key - Hash Key First',"
            + " aa4ae5e15272d00e95705637ce8a3b55ed402112",
        "HMAC_SHA1, RFC 2202 7, aa*80, 'Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data',"
            + " e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
        "HMAC_SHA256, RFC 4231 1, 0b*20, 'Hi There', b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "HMAC_SHA256, RFC 4231 2, 'Jefe', 'what do ya want for nothing?',"
            + " 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "HMAC_SHA256, RFC 4231 3, aa*20, dd*50, 773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "HMAC_SHA256, RFC 4231 4, 0102030405060708090a0b0c0d0e0f10111213141516171819, cd*50,"
            + " 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "HMAC_SHA256, RFC 4231 6, aa*131, 'Test Using Larger Than Block-Size Key - Hash Key First',"
            + " 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "HMAC_SHA256, RFC 4231 7, aa*131, 'This is a test using a larger than block-size key and a larger than"
            + " block-size data. The key needs to be hashed before being used by the HMAC algorithm.',"
            + " 9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        // an empty key (IPMI's empty password, which the JDK's key class refuses) and an empty message
        "HMAC_MD5, empty key, '', '', 74e6f7298a9c2d168935f58c001bad88",
        "HMAC_SHA1, empty key, '', '', fbdb1d1b18aa6c08324b7d64b71fb76370690e1d",
        "HMAC_SHA256, empty key, '', '', b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
    })
    void rakpHmacGivesThePublishedVectors(AuthenticationAlgorithm algorithm, String source, String key, String data,
            String mac) {
        assertThat(HEX.formatHex(algorithm.mac(bytes(key), bytes(data)))).as(source).isEqualTo(mac);
        // the same bytes given in parts, as RAKP gives its fields
        byte[] whole = bytes(data);
        byte[] head = Arrays.copyOf(whole, whole.length / 3);
        byte[] tail = Arrays.copyOfRange(whole, head.length, whole.length);
        assertThat(HEX.formatHex(algorithm.mac(bytes(key), head, new byte[0], tail))).as(source).isEqualTo(mac);
    }

    /** The session trailer's AuthCode: the HMAC truncated, as the RFCs' truncation cases give it. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "HMAC_SHA1_96, RFC 2202 5, 0c*20, 'Test With Truncation', 4c1a03424b55e07fe7f27be1",
        "HMAC_SHA256_128, RFC 4231 5, 0c*20, 'Test With Truncation', a3b6167473100ee06e0c796c2955552b",
        "HMAC_MD5_128, RFC 2202 5, 0c*16, 'Test With Truncation', 56461ef2342edc00f9bab995690efd4c",
        "HMAC_SHA1_96, RFC 2202 1, 0b*20, 'Hi There', b617318655057264e28bc0b6",
        "HMAC_SHA256_128, RFC 4231 1, 0b*20, 'Hi There', b0344c61d8db38535ca8afceaf0bf12b",
    })
    void integrityKeyGivesTheTruncatedVectorsPacketAfterPacket(IntegrityAlgorithm algorithm, String source, String key,
            String data, String authCode) {
        IntegrityKey k1 = algorithm.key(bytes(key));
        byte[] message = bytes(data);
        byte[] framed = new byte[message.length + 7];
        System.arraycopy(message, 0, framed, 3, message.length);
        for (int packet = 0; packet < 3; packet++) {
            // one key for the whole session: each AuthCode starts afresh
            assertThat(HEX.formatHex(k1.authCode(framed, 3, 3 + message.length))).as(source).isEqualTo(authCode);
        }
        byte[] signed = Arrays.copyOf(message, message.length + authCode.length() / 2);
        System.arraycopy(HEX.parseHex(authCode), 0, signed, message.length, authCode.length() / 2);
        assertThat(k1.verify(signed, 0)).isTrue();
        signed[0] ^= 1;
        assertThat(k1.verify(signed, 0)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "SP 800-38A F.2.1, encrypt, 2b7e151628aed2a6abf7158809cf4f3c, 000102030405060708090a0b0c0d0e0f,"
            + " 6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52ef"
            + "f69f2445df4f9b17ad2b417be66c3710,"
            + " 7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e22229516"
            + "3ff1caa1681fac09120eca307586e1a7",
        "SP 800-38A F.2.2, decrypt, 2b7e151628aed2a6abf7158809cf4f3c, 000102030405060708090a0b0c0d0e0f,"
            + " 7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e22229516"
            + "3ff1caa1681fac09120eca307586e1a7,"
            + " 6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52ef"
            + "f69f2445df4f9b17ad2b417be66c3710",
        "FIPS-197 C.1, encrypt, 000102030405060708090a0b0c0d0e0f, 00*16, 00112233445566778899aabbccddeeff,"
            + " 69c4e0d86a7b0430d8cdb78070b4c55a",
        "FIPS-197 C.1, decrypt, 000102030405060708090a0b0c0d0e0f, 00*16, 69c4e0d86a7b0430d8cdb78070b4c55a,"
            + " 00112233445566778899aabbccddeeff",
        "AESAVS GFSbox 128 0, encrypt, 00*16, 00*16, f34481ec3cc627bacd5dc3fb08f273e6, 0336763e966d92595a567cc9ce537f5e",
        "AESAVS GFSbox 128 1, encrypt, 00*16, 00*16, 9798c4640bad75c7c3227db910174e72, a9a1631bf4996954ebc093957b234589",
    })
    void aesCbcGivesThePublishedVectors(String source, String direction, String key, String iv, String in, String out) {
        // K2 is 20 bytes or more: AES-128 takes its first 16
        byte[] k2 = Arrays.copyOf(bytes(key), 20);
        AesCbc128 aes = new AesCbc128(k2);
        int mode = direction.equals("encrypt") ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        byte[] input = bytes(in);
        assertThat(HEX.formatHex(aes.cbc(mode, bytes(iv), input, 0, input.length))).as(source).isEqualTo(out);
        if (mode == Cipher.ENCRYPT_MODE) {
            // IPMI's payload: the IV, then the vector's blocks (CBC keeps a prefix), then the pad's block
            byte[] payload = aes.encrypt(bytes(iv), input);
            assertThat(HEX.formatHex(Arrays.copyOfRange(payload, 0, 16 + input.length))).isEqualTo(iv(iv) + out);
            assertThat(aes.decrypt(payload)).contains(input);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 14, 15, 16, 17, 31, 32})
    void aPayloadIsPaddedAsIpmiSaysAndABrokenPadIsRefused(int length) {
        AesCbc128 aes = new AesCbc128(bytes("7e*20"));
        byte[] iv = bytes("5a*16");
        byte[] plain = Arrays.copyOf(bytes("c3*40"), length);
        byte[] payload = aes.encrypt(iv, plain);
        byte[] padded = aes.cbc(Cipher.DECRYPT_MODE, iv, payload, 16, payload.length - 16);
        int pad = padded[padded.length - 1];
        assertThat(padded.length % 16).isZero();
        assertThat(pad).isEqualTo(padded.length - 1 - length).isBetween(0, 15);
        for (int i = 0; i < pad; i++) {
            assertThat(padded[length + i]).isEqualTo((byte) (i + 1));
        }
        assertThat(aes.decrypt(payload)).contains(plain);
        // the byte before the last block flips a bit of the pad length in it: 16 or more is no IPMI pad
        payload[payload.length - 17] ^= 0x10;
        assertThat(aes.decrypt(payload)).isEmpty();
    }

    private static String iv(String iv) {
        return HEX.formatHex(bytes(iv));
    }

    /** "0b*20": the byte 0x0b twenty times; 'text' arrives without its quotes, as anything not hex: its ASCII. */
    private static byte[] bytes(String spec) {
        int star = spec.indexOf('*');
        if (star == 2 && spec.substring(0, 2).matches("[0-9a-f]{2}")) {
            byte[] b = new byte[Integer.parseInt(spec.substring(3))];
            Arrays.fill(b, (byte) Integer.parseInt(spec.substring(0, 2), 16));
            return b;
        }
        if (spec.length() % 2 == 0 && spec.matches("[0-9a-f]+")) {
            return HEX.parseHex(spec);
        }
        return spec.getBytes(StandardCharsets.US_ASCII);
    }
}
