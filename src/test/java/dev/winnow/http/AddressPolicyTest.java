package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void refusesEveryNonPublicRange() throws Exception {
        for (String a : new String[] {
            "0.0.0.0", "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250", "240.0.0.1",
            "255.255.255.255", "192.0.2.5", "198.18.0.1", "203.0.113.9", "::", "::1", "fe80::1", "fc00::1",
            "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a00:1",
            "2001:db8::1", "2002:7f00:1::1", "fec0::1"}) {
            assertFalse(AddressPolicy.isPublic(ip(a)), a);
        }
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "100.63.255.255", "172.32.0.1", "2606:4700::1111",
            "2a00:1450:4001::200e", "2002:808:808::1"}) {
            assertTrue(AddressPolicy.isPublic(ip(a)), a);
        }
    }

    @Test
    void readsOddIpv4NotationsLikeInetAton() throws Exception {
        InetAddress loopback = ip("127.0.0.1");
        for (String host : new String[] {"2130706433", "0x7f000001", "0x7f.1", "0177.0.0.1", "127.1", "0x7f.0.0.1", "127.0.0.1."}) {
            assertEquals(Optional.of(loopback), AddressPolicy.numericHost(host), host);
        }
        assertEquals(Optional.empty(), AddressPolicy.numericHost("example.org"));
        assertEquals(Optional.empty(), AddressPolicy.numericHost("256.1.1.1"));
        assertEquals(Optional.empty(), AddressPolicy.numericHost("1.2.3.4.5"));
    }

    @Test
    void allowAllAndExceptionsOpenWhatTheySay() throws Exception {
        assertTrue(AddressPolicy.allowAll().permits(ip("127.0.0.1")));
        AddressPolicy one = AddressPolicy.publicAnd(java.util.Set.of(ip("10.0.0.5")));
        assertTrue(one.permits(ip("10.0.0.5")));
        assertFalse(one.permits(ip("10.0.0.6")));
    }
}
