package dev.winnow.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which IP addresses winnow may connect to. By default only public unicast addresses: a feed or an
 * article link must not make winnow reach the machine it runs on, its LAN or a cloud metadata service.
 *
 * <p>Pure logic: {@link #isPublic(InetAddress)} classifies an address, {@link #numericHost(String)}
 * reads host names that other software would take as IPv4 literals ({@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1}), so those notations cannot smuggle a private address past a string check.
 */
public final class AddressPolicy {
    private final boolean allowNonPublic;
    private final Set<InetAddress> exceptions;

    private AddressPolicy(boolean allowNonPublic, Set<InetAddress> exceptions) {
        this.allowNonPublic = allowNonPublic;
        this.exceptions = Set.copyOf(exceptions);
    }

    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, Set.of());
    }

    public static AddressPolicy allowAll() {
        return new AddressPolicy(true, Set.of());
    }

    public static AddressPolicy of(boolean allowNonPublic) {
        return allowNonPublic ? allowAll() : publicOnly();
    }

    /** Public addresses plus exactly these ones (an intranet host, or a test server). */
    public static AddressPolicy publicAnd(Set<InetAddress> exceptions) {
        return new AddressPolicy(false, exceptions);
    }

    public boolean permits(InetAddress address) {
        return allowNonPublic || exceptions.contains(address) || isPublic(address);
    }

    /** True for globally routable unicast addresses only. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        return a instanceof Inet4Address ? isPublicV4(b) : isPublicV6(b);
    }

    private static boolean isPublicV4(byte[] b) {
        int x = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return !(in(x, 0x00000000, 8)          // "this network", 0.0.0.0
                || in(x, 0x0a000000, 8)        // 10/8
                || in(x, 0x64400000, 10)       // 100.64/10 carrier-grade NAT
                || in(x, 0x7f000000, 8)        // loopback
                || in(x, 0xa9fe0000, 16)       // link-local, cloud metadata 169.254.169.254
                || in(x, 0xac100000, 12)       // 172.16/12
                || in(x, 0xc0000000, 24)       // IETF protocol assignments
                || in(x, 0xc0000200, 24)       // TEST-NET-1
                || in(x, 0xc0586300, 24)       // 6to4 relay anycast
                || in(x, 0xc0a80000, 16)       // 192.168/16
                || in(x, 0xc6120000, 15)       // benchmarking
                || in(x, 0xc6336400, 24)       // TEST-NET-2
                || in(x, 0xcb007100, 24)       // TEST-NET-3
                || in(x, 0xe0000000, 4)        // multicast
                || in(x, 0xf0000000, 4));      // reserved, broadcast
    }

    private static boolean in(int address, int network, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (address & mask) == (network & mask);
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if (first == 0x00) {
            return false; // ::, ::1, IPv4-compatible ::a.b.c.d, IPv4-mapped (Java usually unwraps those)
        }
        if ((first & 0xfe) == 0xfc || first == 0xff) {
            return false; // unique local fc00::/7, multicast ff00::/8
        }
        if (first == 0xfe && (b[1] & 0xc0) != 0) {
            return false; // link-local fe80::/10 and the old site-local fec0::/10
        }
        int word0 = (first << 8) | (b[1] & 0xff);
        int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (word0 == 0x0064 && (word1 == 0xff9b)) {
            return false; // NAT64 64:ff9b::/96 and 64:ff9b:1::/48 reach IPv4 space we cannot judge here
        }
        if (word0 == 0x0100 && word1 == 0) {
            return false; // discard-only 100::/64
        }
        if (word0 == 0x2001 && (word1 < 0x0200 || word1 == 0x0db8)) {
            return false; // IETF protocol assignments incl. Teredo, documentation 2001:db8::/32
        }
        if (word0 == 0x2002) {
            byte[] v4 = {b[2], b[3], b[4], b[5]}; // 6to4 carries an IPv4 address
            return isPublicV4(v4);
        }
        return true;
    }

    /**
     * Reads a host the way {@code inet_aton} does: one to four dot-separated parts, each decimal, octal
     * (leading 0) or hex (0x); the last part fills the remaining bytes. Empty when the host is not numeric.
     */
    public static Optional<InetAddress> numericHost(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = parseNumber(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= (1L << (8 * (5 - values.length)))) {
            return Optional.empty();
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private static Long parseNumber(String part) {
        if (part.isEmpty()) {
            return null;
        }
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return part.chars().allMatch(Character::isDigit) && part.length() <= 10 ? Long.parseLong(part) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A literal IPv6 host is also numeric; Java parses it without any lookup. */
    static Optional<InetAddress> literalHost(String host) {
        if (host.indexOf(':') >= 0) {
            try {
                return Optional.of(InetAddress.getByName(host.startsWith("[") ? host : "[" + host + "]"));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return numericHost(host);
    }
}
