package org.fence4j.redfish.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class TlsTrustTest {

    @Test
    void onceATrustMadeItsFactoryAConnectionWithoutItsOwnMakesNoSocket() {
        SSLSocketFactory own = TlsTrust.insecure().socketFactory();

        SSLSocketFactory fallback = HttpsURLConnection.getDefaultSSLSocketFactory();
        assertThat(fallback).isNotSameAs(own).isInstanceOf(NoDefaultSocketFactory.class);
        assertThatThrownBy(() -> fallback.createSocket(InetAddress.getLoopbackAddress(), 443))
                .isInstanceOf(IOException.class).hasMessageContaining("no default TLS trust");
        // each trust's own factory is a real one
        assertThat(own.getDefaultCipherSuites()).isNotEmpty();
    }
}
