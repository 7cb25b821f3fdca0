package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void trustsListedAddressesAndBlocksOnly() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, 192.168.4.0/22, fd00::/8");

        assertThat(proxies.trusts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("192.168.7.255"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("192.168.8.0"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("fd12:3456::1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("2001:db8::1"))).isFalse();
    }

    @Test
    void anEmptyListTrustsNobody() throws Exception {
        assertThat(TrustedProxies.parse(" ").trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void refusesWhatIsNotAnAddressWithAMessageNamingIt() {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, lb.example.org"))
                .hasMessageContaining("'lb.example.org' is not an IP address or CIDR block");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("out of range");
    }
}
