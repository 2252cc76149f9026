package org.fence4j.redfish.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.fence4j.agents.spi.Deadline;
import org.junit.jupiter.api.Test;

class NameLookupTest {

    @Test
    void aLookupThatNeverEndsIsNotWaitedForPastTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> NameLookup.resolve("bmc-pm02.example", host -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UnknownHostException(host);
            }, Deadline.after(Duration.ofMillis(300))))
                    .isInstanceOf(NotSentException.class)
                    .hasMessage("no address for bmc-pm02.example in time: the name lookup (DNS) did not answer");
        } finally {
            never.countDown();
        }
    }

    @Test
    void anUnknownNameIsSaidSo() {
        assertThatThrownBy(() -> NameLookup.resolve("bmc-pm02.example", host -> {
            throw new UnknownHostException(host);
        }, Deadline.after(Duration.ofSeconds(10))))
                .isInstanceOf(NotSentException.class)
                .hasMessage("no address for bmc-pm02.example: the name is unknown (DNS, /etc/hosts)");
    }

    @Test
    void literalsNeedNoLookupAndNamesOne() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        NameLookup.Resolver counting = host -> {
            lookups.incrementAndGet();
            return new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()};
        };
        Deadline by = Deadline.after(Duration.ofSeconds(10));
        for (String literal : new String[] {"127.0.0.1", "::1", "fe80::1%veth0"}) {
            NameLookup.resolve(literal, counting, by);
        }
        assertThat(lookups).hasValue(0);
        NameLookup.resolve("bmc-pm02.example", counting, by);
        NameLookup.resolve("999.1.1.1", counting, by);
        assertThat(lookups).hasValue(2);
    }
}
