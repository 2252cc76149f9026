package org.fence4j.redfish;

import java.util.List;
import org.fence4j.agents.spi.ParameterSpec;
import org.fence4j.agents.spi.RefusedParameter;

/**
 * The redfish agent's parameters, declared once, under fence_redfish's names and short options
 * (its older names as aliases). hostname, method, power_wait, power_timeout, retry_on and
 * disable_timeout are the core's, for every power agent.
 */
final class RedfishParameters {
    static final String IP = "ip";
    static final String IPPORT = "ipport";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String SSL = "ssl";
    static final String SSL_SECURE = "ssl_secure";
    static final String SSL_INSECURE = "ssl_insecure";
    static final String SSL_CA_FILE = "ssl_ca_file";
    static final String SSL_FINGERPRINT = "ssl_fingerprint";
    static final String REDFISH_URI = "redfish_uri";
    static final String SYSTEMS_URI = "systems_uri";
    static final String LOGIN_TIMEOUT = "login_timeout";
    static final String SHELL_TIMEOUT = "shell_timeout";

    static final List<ParameterSpec> ALL = List.of(
            ParameterSpec.string(IP, "IP address or hostname of the BMC").asRequired().withAliases("ipaddr")
                    .withShortOption('a').withLongDescription("IP address or host name of the BMC; an IPv6 literal"
                            + " with or without brackets; host:port (one colon) or [IPv6]:port also names the port."),
            ParameterSpec.integer(IPPORT, "TCP port of the BMC's Redfish service").withDefault("443").withShortOption('u'),
            ParameterSpec.string(USERNAME, "Login name").asRequired().withAliases("login").withShortOption('l'),
            ParameterSpec.secret(PASSWORD, "Login password").withAliases("passwd").withShortOption('p'),
            ParameterSpec.bool(SSL, "Use HTTPS (the default); ssl=0 speaks plain HTTP").withDefault("1")
                    .withShortOption('z').withLongDescription("Use HTTPS (the default). ssl=0 speaks plain HTTP and"
                            + " sends the password in clear text: only where the network between is trusted."),
            ParameterSpec.bool(SSL_SECURE, "Verify the BMC's certificate (the default)").withDefault("0"),
            ParameterSpec.bool(SSL_INSECURE, "Do not verify the BMC's certificate (unsafe)").withDefault("0")
                    .withLongDescription("Do not verify the BMC's certificate: anyone on the path could answer as"
                            + " the BMC and read the password. Prefer ssl_fingerprint or ssl_ca_file."),
            ParameterSpec.string(SSL_CA_FILE, "PEM file of the CA certificates that sign the BMC's certificate")
                    .withLongDescription("PEM file of the CA certificates that sign the BMC's certificate, instead of"
                            + " the system's; the certificate must name the address in ip."),
            ParameterSpec.string(SSL_FINGERPRINT, "SHA-256 fingerprint of the BMC's certificate (a pin)")
                    .withLongDescription("SHA-256 fingerprint of the BMC's own certificate (AB:CD:..., as"
                            + " 'openssl x509 -noout -fingerprint -sha256' prints it): that certificate alone is"
                            + " trusted, self-signed or not, whatever name it bears. 'fence-cli redfish-fingerprint"
                            + " HOST:PORT' prints a BMC's, and fence4j does when it refuses one."),
            ParameterSpec.string(REDFISH_URI, "Base Redfish URI").withDefault("/redfish/v1"),
            ParameterSpec.string(SYSTEMS_URI, "The node's ComputerSystem: its URI or its Id")
                    .withLongDescription("The node's ComputerSystem, as a URI (/redfish/v1/Systems/System.Embedded.1)"
                            + " or an Id of the Systems collection (System.Embedded.1). Needed when the BMC manages"
                            + " more than one system: fence4j then refuses to guess."),
            ParameterSpec.seconds(LOGIN_TIMEOUT, "Seconds one request to the BMC may wait for its answer")
                    .withLongDescription("Seconds one request to the BMC may wait for its answer before it is tried"
                            + " again (if it may be sent twice) within the action's timeout; 0 or disable_timeout: the"
                            + " action's timeout alone. shell_timeout, if given, takes over once logged in.")
                    .withDefault("10"),
            ParameterSpec.seconds(SHELL_TIMEOUT, "Seconds one request after the login may wait for its answer")
                    .withLongDescription("Seconds one request after the login (reading and setting the power) may"
                            + " wait for its answer before it is tried again, as fence-agents wait for a command's"
                            + " answer; default: login_timeout. 0 or disable_timeout: the action's timeout alone."));

    /** fence_redfish's options that the redfish agent does not take. */
    static final List<RefusedParameter> REFUSED = List.of(
            new RefusedParameter("gnutlscli_path", null, "fence4j speaks TLS itself (the JDK's JSSE) and runs no"
                    + " gnutls-cli"));

    private RedfishParameters() {
    }
}
