package org.fence4j.ipmi.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC through the JDK's {@link Mac}: its providers, as the system's security configuration lists
 * and restricts them (FIPS mode, a policy that disables MD5), decide which a session may use.
 */
final class Hmac {
    private Hmac() {
    }

    /** A {@link Mac} of {@code algorithm} ("HmacSHA1", "HmacMD5", "HmacSHA256") keyed with {@code key}. */
    static Mac keyed(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // HMAC pads its key with zeros, so IPMI's empty password is one zero byte, which the JDK takes
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(primitive(algorithm) + " is not allowed by this JDK's security configuration",
                    e);
        }
    }

    /** HMAC-{@code algorithm} of the concatenated {@code parts}. */
    static byte[] compute(String algorithm, byte[] key, byte[]... parts) {
        Mac mac = keyed(algorithm, key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** True when the JDK's configuration offers {@code algorithm} and lets it be keyed. */
    static boolean allowed(String algorithm) {
        try {
            keyed(algorithm, new byte[1]);
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    /** IPMI's name of a JDK HMAC: "HMAC-MD5" for "HmacMD5". */
    static String primitive(String algorithm) {
        return "HMAC-" + algorithm.substring("Hmac".length());
    }
}
