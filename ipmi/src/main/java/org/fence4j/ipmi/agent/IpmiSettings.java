package org.fence4j.ipmi.agent;

import static org.fence4j.ipmi.agent.IpmiParameters.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fence4j.agents.spi.ParameterException;
import org.fence4j.agents.spi.Parameters;
import org.fence4j.agents.spi.PowerDriverProvider;
import org.fence4j.agents.spi.Secret;
import org.fence4j.ipmi.crypto.CipherSuite;
import org.fence4j.ipmi.crypto.IntegrityAlgorithm;
import org.fence4j.ipmi.session.Credentials;
import org.fence4j.ipmi.session.Privilege;
import org.fence4j.ipmi.session.SessionOptions;

/** Validated settings of one ipmi device. Holds secrets: never printed. */
record IpmiSettings(String address, int port, Credentials credentials, SessionOptions session, Duration loginTimeout) {
    /** No login timeout of its own: the level's deadline, always shorter, ends the login. */
    private static final Duration ONLY_THE_DEADLINE = Duration.ofDays(365);
    private static final String NO_IPMI_15 = "IPMI 1.5 lan (MD5 or clear-text login) is not spoken; use lanplus"
            + " (IPMI v2.0 RMCP+), which every BMC of the last 15 years offers";

    static IpmiSettings from(Parameters p) throws ParameterException {
        List<String> problems = new ArrayList<>();
        if (p.string(INTERFACE).equals("lan")) {
            problems.add(INTERFACE + ": 'lan': " + NO_IPMI_15);
        }
        if (!p.bool(LANPLUS)) {
            problems.add(LANPLUS + ": '0': " + NO_IPMI_15);
        }
        long port = p.integer(IPPORT);
        if (port < 1 || port > 65535) {
            problems.add(IPPORT + ": expected a UDP port 1-65535, got " + port);
        }
        int cipher = SessionOptions.AUTO;
        if (p.has(CIPHER)) {
            long id = p.integer(CIPHER);
            if (id < 0 || id > 255 || CipherSuite.byId((int) id).isEmpty()) {
                problems.add(CIPHER + ": expected a supported cipher suite (0-3, 6-8, 15-17), got " + id);
            } else {
                cipher = (int) id;
            }
        }
        if (cipher == 0 && !p.bool(ALLOW_CIPHER_ZERO)) {
            problems.add(CIPHER + ": suite 0 has no authentication (any password is accepted); set "
                    + ALLOW_CIPHER_ZERO + "=1 to use it anyway");
        }
        boolean noIntegrity = CipherSuite.byId(cipher).filter(s -> s.id() != 0 && s.integrity() == IntegrityAlgorithm.NONE)
                .isPresent();
        if (noIntegrity && !p.bool(ALLOW_NO_INTEGRITY)) {
            problems.add(CIPHER + ": suite " + cipher + " has no integrity algorithm, so the BMC's answers are not"
                    + " authenticated and anyone on the BMC's network could forge \"power is off\"; use 3 or 17, or set "
                    + ALLOW_NO_INTEGRITY + "=1 to use it anyway");
        }
        Secret password = p.secret(PASSWD).orElse(Secret.of(""));
        Secret kg = kg(p, problems);
        Credentials credentials = null;
        try {
            credentials = new Credentials(p.get(USERID).orElse(""), password, kg);
        } catch (IllegalArgumentException e) {
            problems.add(USERID + "/" + PASSWD + "/" + KG + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        // disable_timeout (fence_ipmilan's, as pacemaker-fenced may pass it): the deadline alone bounds the waits
        boolean timeoutsDisabled = p.bool(PowerDriverProvider.DISABLE_TIMEOUT);
        Duration loginTimeout = p.seconds(LOGIN_TIMEOUT);
        Privilege privilege = Privilege.valueOf(p.string(PRIV).toUpperCase(java.util.Locale.ROOT));
        SessionOptions options = SessionOptions.defaults().withCipherSuite(cipher).withPrivilege(privilege);
        if (p.bool(ALLOW_CIPHER_ZERO)) {
            options = options.allowingCipherZero();
        }
        if (p.bool(ALLOW_NO_INTEGRITY)) {
            options = options.allowingNoIntegrity();
        }
        return new IpmiSettings(p.string(IPADDR), (int) port, credentials, options,
                timeoutsDisabled || loginTimeout.isZero() ? ONLY_THE_DEADLINE : loginTimeout);
    }

    private static Secret kg(Parameters p, List<String> problems) {
        Optional<Secret> hex = p.secret(HEXADECIMAL_KG);
        Optional<Secret> text = p.secret(KG);
        if (hex.isPresent() && text.isPresent()) {
            problems.add(HEXADECIMAL_KG + " and " + KG + " are the same key; give one of them");
            return null;
        }
        if (text.isPresent()) {
            return text.get();
        }
        if (hex.isEmpty()) {
            return null;
        }
        String digits = new String(hex.get().bytes(), StandardCharsets.US_ASCII).trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        try {
            return Secret.ofBytes(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            problems.add(HEXADECIMAL_KG + ": expected an even number of hexadecimal digits (at most 40)");
            return null;
        }
    }

    @Override
    public String toString() {
        return "IpmiSettings[" + address + ":" + port + ", " + credentials + "]";
    }
}
