package org.fence4j.redfish.tls;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A certificate a trusted CA signed, refused because it does not name the host connected to. */
public final class WrongNameException extends CertificateException {
    private static final long serialVersionUID = 1L;
    /** DNS names and IP addresses of subjectAltName. */
    private static final int DNS = 2;
    private static final int IP = 7;

    private final List<String> names;

    WrongNameException(X509Certificate certificate, CertificateException cause) {
        super(cause.getMessage(), cause);
        this.names = List.copyOf(namesOf(certificate));
    }

    /** The names the certificate is for: its DNS names and IP addresses, else its subject. */
    public List<String> names() {
        return names;
    }

    private static List<String> namesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            for (List<?> name : alternatives == null ? List.<List<?>>of() : alternatives) {
                if (name.get(0) instanceof Integer type && (type == DNS || type == IP)) {
                    names.add(String.valueOf(name.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // its subject is said instead
        }
        return names.isEmpty() ? List.of(certificate.getSubjectX500Principal().getName()) : names;
    }
}
