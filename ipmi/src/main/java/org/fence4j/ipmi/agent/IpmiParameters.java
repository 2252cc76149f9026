package org.fence4j.ipmi.agent;

import java.util.List;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RefusedParameter;

/**
 * The ipmi agent's parameters, declared once: cluster-glue external/ipmi names are canonical (and
 * primary in the cluster-glue plugin's metadata), fence_ipmilan names are aliases where they mean
 * the same, and primary in the fence_* agent's metadata ({@code withFenceAgentsName}). hostname,
 * method, power_wait, power_timeout, retry_on and disable_timeout are the core's, for every power
 * agent ({@link org.fence4j.agents.spi.PowerDriverProvider}).
 */
final class IpmiParameters {
    static final String IPADDR = "ipaddr";
    static final String IPPORT = "ipport";
    static final String USERID = "userid";
    static final String PASSWD = "passwd";
    static final String PASSWD_METHOD = "passwd_method";
    static final String INTERFACE = "interface";
    static final String LANPLUS = "lanplus";
    static final String PRIV = "priv";
    static final String CIPHER = "cipher";
    static final String ALLOW_CIPHER_ZERO = "allow_cipher_zero";
    static final String ALLOW_NO_INTEGRITY = "allow_no_integrity";
    static final String HEXADECIMAL_KG = "hexadecimal_kg";
    static final String KG = "kg";
    static final String LOGIN_TIMEOUT = "login_timeout";

    static final List<ParameterSpec> ALL = List.of(
            ParameterSpec.string(IPADDR, "IP address or name of the BMC").asRequired().withAliases("ip")
                    .withFenceAgentsName("ip").withShortOption('a'),
            ParameterSpec.integer(IPPORT, "UDP port of the BMC").withDefault("623").withShortOption('u'),
            ParameterSpec.string(USERID, "User name on the BMC").withAliases("username", "login")
                    .withFenceAgentsName("username").withShortOption('l'),
            ParameterSpec.secret(PASSWD, "Password of the user on the BMC").withAliases("password")
                    .withFenceAgentsName("password").withShortOption('p')
                    .withLongDescription("Password of the user on the BMC (at most 20 bytes); with passwd_method=file"
                            + " the path of a file whose first line is the password.")
                    .withPathWhen(PASSWD_METHOD, "file"),
            ParameterSpec.select(PASSWD_METHOD, "How passwd is given: param, env (both: passwd is the password)"
                    + " or file (passwd is a file's path)", "param", "env", "file").withDefault("param"),
            ParameterSpec.select(INTERFACE, "IPMI interface; only lanplus (IPMI v2.0 RMCP+) is spoken", "lanplus", "lan")
                    .withDefault("lanplus"),
            ParameterSpec.bool(LANPLUS, "Use IPMI v2.0 lanplus (fence_ipmilan's name; 0 is refused: only lanplus is spoken)")
                    .withDefault("1").withShortOption('P'),
            ParameterSpec.select(PRIV, "Privilege level of the session", "administrator", "operator", "user", "callback")
                    .withLongDescription("Privilege level of the session. Powering off and on needs operator or"
                            + " administrator; at user or callback level the BMC refuses it (status can still work).")
                    .withAliases("privlvl").withFenceAgentsName("privlvl").withDefault("administrator")
                    .withShortOption('L'),
            ParameterSpec.integer(CIPHER, "RMCP+ cipher suite: 1-3, 6-8, 15-17 (default: 17, else 3)")
                    .withLongDescription("RMCP+ cipher suite id. Default: offer 17 (HMAC-SHA256, AES) and fall back to 3"
                            + " (HMAC-SHA1, AES) when the BMC refuses it. Suite 0 has no authentication and is refused"
                            + " unless allow_cipher_zero is set; suites 1, 6 and 15 have no integrity (answers are not"
                            + " authenticated) and are refused unless allow_no_integrity is set.").withShortOption('C'),
            ParameterSpec.bool(ALLOW_CIPHER_ZERO, "Allow cipher suite 0 (no authentication at all; unsafe)")
                    .withDefault("0"),
            ParameterSpec.bool(ALLOW_NO_INTEGRITY, "Allow cipher suites 1, 6, 15 (answers not authenticated: anyone on"
                    + " the BMC network could forge 'power is off'; unsafe)").withDefault("0"),
            ParameterSpec.secret(HEXADECIMAL_KG, "BMC key (Kg) in hexadecimal"),
            ParameterSpec.secret(KG, "BMC key (Kg) as text"),
            ParameterSpec.seconds(LOGIN_TIMEOUT, "Seconds one login attempt may take")
                    .withLongDescription("Seconds one login attempt may take; a failed attempt is started afresh while"
                            + " the level's timeout allows; 0 or disable_timeout: no limit of its own, the action's"
                            + " timeout bounds it.").withDefault("5"));

    private static final String NO_IPMITOOL = "fence4j speaks IPMI itself and runs no ipmitool";

    /** fence_ipmilan's options that the ipmi agent does not take. */
    static final List<RefusedParameter> REFUSED = List.of(
            new RefusedParameter("auth", 'A', "IPMI 1.5 authentication types are not spoken; with lanplus (RMCP+)"
                    + " the cipher suite authenticates (parameter cipher)"),
            new RefusedParameter("target", null, "IPMI bridging to another target address is not spoken"),
            new RefusedParameter("ipmitool_path", null, NO_IPMITOOL),
            new RefusedParameter("ipmitool_timeout", null, NO_IPMITOOL + "; login_timeout bounds the session's"
                    + " opening and power_timeout each power change"));

    private IpmiParameters() {
    }
}
