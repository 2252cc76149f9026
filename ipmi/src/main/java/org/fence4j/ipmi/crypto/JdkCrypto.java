package org.fence4j.ipmi.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/**
 * HMAC and AES from the JDK's own SunJCE provider when it is there, else from whichever provider
 * offers them. Start-up cost: a plain {@code Mac.getInstance} walks the provider list in order and,
 * on the way to SunJCE, loads every provider module (SunEC, XMLDSig, PKCS#11, SASL, PC/SC, ...)
 * through a ServiceLoader: tens of milliseconds of every call, for classes never used.
 */
final class JdkCrypto {
    /** Looked up by name only: the built-in providers are created without a ServiceLoader. */
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private JdkCrypto() {
    }

    static Mac mac(String algorithm) throws NoSuchAlgorithmException {
        if (SUN_JCE != null) {
            try {
                return Mac.getInstance(algorithm, SUN_JCE);
            } catch (NoSuchAlgorithmException notThere) {
                // another provider may have it
            }
        }
        return Mac.getInstance(algorithm);
    }

    static Cipher cipher(String transformation) throws NoSuchAlgorithmException, NoSuchPaddingException {
        if (SUN_JCE != null) {
            try {
                return Cipher.getInstance(transformation, SUN_JCE);
            } catch (NoSuchAlgorithmException | NoSuchPaddingException notThere) {
                // another provider may have it
            }
        }
        return Cipher.getInstance(transformation);
    }
}
