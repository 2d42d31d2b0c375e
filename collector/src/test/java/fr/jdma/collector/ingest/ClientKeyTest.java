package fr.jdma.collector.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeyTest {

    private final ClientKey key = new ClientKey();

    @Test
    void an_IPv6_client_is_known_by_its_64_however_the_address_is_written() {
        assertThat(ClientKey.network("2001:db8:0:1::7")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKey.network("2001:0DB8:0000:0001:ffff:0:0:1")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKey.network("[2001:db8:0:1:a:b:c:d]")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientKey.network("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientKey.network("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientKey.network("2001:db8::")).isEqualTo("2001:db8:0:0::/64");

        assertThat(key.of("2001:db8:0:1::7")).isEqualTo(key.of("2001:db8:0:1:9c41:22ff:fe10:3"));
        assertThat(key.of("2001:db8:0:1::7")).isNotEqualTo(key.of("2001:db8:0:2::7"));
    }

    @Test
    void IPv4_and_anything_that_is_not_IPv6_stay_as_they_are() {
        assertThat(ClientKey.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientKey.network("::ffff:203.0.113.7")).isEqualTo("::ffff:203.0.113.7");
        assertThat(ClientKey.network("2001:db8::1::2")).isEqualTo("2001:db8::1::2");
        assertThat(ClientKey.network("2001:db8:0:1:2:3:4")).isEqualTo("2001:db8:0:1:2:3:4");
        assertThat(ClientKey.network("2001:db8:0:1:2:3:4:5:6")).isEqualTo("2001:db8:0:1:2:3:4:5:6");
        assertThat(ClientKey.network("2001:db8:0:1:2:3:4:zz")).isEqualTo("2001:db8:0:1:2:3:4:zz");
        assertThat(ClientKey.network("12345::1")).isEqualTo("12345::1");
        assertThat(ClientKey.network("localhost")).isEqualTo("localhost");

        assertThat(key.of("203.0.113.7")).isNotEqualTo(key.of("203.0.113.8"));
    }
}
