package org.fence4j.ipmi.crypto;

import java.util.List;
import java.util.Optional;

/** An RMCP+ cipher suite: the three algorithms negotiated by Open Session. */
public record CipherSuite(int id, AuthenticationAlgorithm authentication, IntegrityAlgorithm integrity,
        ConfidentialityAlgorithm confidentiality) {

    public static final CipherSuite NO_AUTHENTICATION = new CipherSuite(0, AuthenticationAlgorithm.NONE,
            IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE);

    /** The suites this implementation speaks, by id. */
    public static final List<CipherSuite> SUPPORTED = List.of(
            NO_AUTHENTICATION,
            new CipherSuite(1, AuthenticationAlgorithm.HMAC_SHA1, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(2, AuthenticationAlgorithm.HMAC_SHA1, IntegrityAlgorithm.HMAC_SHA1_96, ConfidentialityAlgorithm.NONE),
            new CipherSuite(3, AuthenticationAlgorithm.HMAC_SHA1, IntegrityAlgorithm.HMAC_SHA1_96, ConfidentialityAlgorithm.AES_CBC_128),
            new CipherSuite(6, AuthenticationAlgorithm.HMAC_MD5, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(7, AuthenticationAlgorithm.HMAC_MD5, IntegrityAlgorithm.HMAC_MD5_128, ConfidentialityAlgorithm.NONE),
            new CipherSuite(8, AuthenticationAlgorithm.HMAC_MD5, IntegrityAlgorithm.HMAC_MD5_128, ConfidentialityAlgorithm.AES_CBC_128),
            new CipherSuite(15, AuthenticationAlgorithm.HMAC_SHA256, IntegrityAlgorithm.NONE, ConfidentialityAlgorithm.NONE),
            new CipherSuite(16, AuthenticationAlgorithm.HMAC_SHA256, IntegrityAlgorithm.HMAC_SHA256_128, ConfidentialityAlgorithm.NONE),
            new CipherSuite(17, AuthenticationAlgorithm.HMAC_SHA256, IntegrityAlgorithm.HMAC_SHA256_128, ConfidentialityAlgorithm.AES_CBC_128));

    /**
     * The first of this suite's algorithms that the JDK's security configuration does not allow
     * ("HMAC-MD5" where a policy disables MD5), or empty when it allows them all. Sets up the
     * JDK's providers if no one has yet.
     */
    public Optional<String> refusedAlgorithm() {
        for (String mac : new String[] {authentication.mac(), integrity.mac()}) {
            if (mac != null && !Hmac.allowed(mac)) {
                return Optional.of(Hmac.primitive(mac));
            }
        }
        if (confidentiality == ConfidentialityAlgorithm.AES_CBC_128 && !AesCbc128.allowed()) {
            return Optional.of(AesCbc128.PRIMITIVE);
        }
        return Optional.empty();
    }

    public static Optional<CipherSuite> byId(int id) {
        // a loop, not a stream: on every call's path, where each stream and lambda costs start-up
        for (CipherSuite s : SUPPORTED) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The suite with exactly these algorithms, if it is one we know. */
    public static Optional<CipherSuite> of(AuthenticationAlgorithm a, IntegrityAlgorithm i, ConfidentialityAlgorithm c) {
        return SUPPORTED.stream().filter(s -> s.authentication == a && s.integrity == i && s.confidentiality == c).findFirst();
    }

    public static CipherSuite require(int id) {
        Optional<CipherSuite> suite = byId(id);
        if (suite.isEmpty()) {
            throw new IllegalArgumentException("unsupported cipher suite " + id + "; supported: 0-3, 6-8, 15-17");
        }
        return suite.get();
    }
}
