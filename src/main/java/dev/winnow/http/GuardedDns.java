package dev.winnow.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves host names and keeps only the addresses the policy permits. OkHttp connects to what this
 * returns, so the check happens on the very address used: a name that resolves to a public address
 * for a pre-check and to 127.0.0.1 a moment later (DNS rebinding) gains nothing.
 */
final class GuardedDns implements Dns {
    private final AddressPolicy policy;
    private final Dns system;

    GuardedDns(AddressPolicy policy, Dns system) {
        this.policy = policy;
        this.system = system;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> all = system.lookup(host);
        List<InetAddress> permitted = all.stream().filter(policy::permits).toList();
        if (permitted.isEmpty()) {
            throw new BlockedAddressException(host + " resolves only to non-public addresses " + all);
        }
        return permitted;
    }

    /** Raised inside OkHttp's connect path; the fetcher turns it into reason {@code private-address}. */
    static final class BlockedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        BlockedAddressException(String message) {
            super(message);
        }
    }
}
