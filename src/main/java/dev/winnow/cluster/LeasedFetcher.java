package dev.winnow.cluster;

import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits for a cluster-wide slot of the host before each article request (feeds are fetched on their own
 * schedule, as a single daemon does). Sits under the node's own {@code PoliteFetcher}, right before the
 * network, so robots.txt and the local host limits still apply first.
 */
final class LeasedFetcher implements HttpFetcher {
    private final HttpFetcher delegate;
    private final HostLeases leases;

    LeasedFetcher(HttpFetcher delegate, HostLeases leases) {
        this.delegate = delegate;
        this.leases = leases;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws FetchException {
        if (request.kind() == FetchRequest.Kind.PAGE) {
            String host = host(request.url());
            if (host != null) {
                waitFor(host);
            }
        }
        return delegate.fetch(request);
    }

    private void waitFor(String host) throws FetchException {
        Duration wait;
        try {
            wait = leases.leaseNextSlot(host);
        } catch (SQLException e) {
            // Without the shared database the cluster cannot keep its promise to the host: fail, retry later.
            throw new FetchException("cluster-unavailable", "cannot lease a slot for " + host + ": "
                    + e.getMessage(), null, e);
        }
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", "interrupted while waiting for a slot of " + host, null, e);
            }
        }
    }

    /** scheme://host:port, the unit of politeness; null for a URL the delegate will reject anyway. */
    static String host(String url) {
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null || u.getScheme() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
