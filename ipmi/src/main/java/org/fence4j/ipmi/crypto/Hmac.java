package org.fence4j.ipmi.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC through the JDK's providers. */
final class Hmac {
    private static final byte[] ZERO_KEY = {0};

    private Hmac() {
    }

    static byte[] compute(String jcaName, byte[] key, byte[]... parts) {
        try {
            Mac mac = JdkCrypto.mac(jcaName);
            // HMAC zero-pads keys to the block size, so an empty password equals one zero byte;
            // SecretKeySpec refuses empty keys.
            mac.init(new SecretKeySpec(key.length == 0 ? ZERO_KEY : key, jcaName));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is not available in this JDK", e);
        }
    }
}
