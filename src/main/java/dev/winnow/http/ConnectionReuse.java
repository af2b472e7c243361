package dev.winnow.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Keeps pooled connections from failing requests to servers that close them: Python's
 * {@code http.server}, many small sites and proxies answer in HTTP/1.0 without keep-alive and close the
 * socket after each response, while the pool still holds it.
 *
 * <p>Two parts: hosts seen answering HTTP/1.0 without {@code Connection: keep-alive} are remembered, and
 * later requests to them say {@code Connection: close} so their connections are not pooled; and a
 * request that failed because a pooled connection was already closed by the server is
 * {@linkplain #worthRetrying retried once} when it is idempotent (GET, HEAD).
 */
final class ConnectionReuse {
    private final Set<String> closingHosts = ConcurrentHashMap.newKeySet();

    /** The request as it should be sent: with {@code Connection: close} to hosts that do not keep connections. */
    Request prepare(Request request) {
        return closingHosts.contains(key(request.url())) ? request.newBuilder().header("Connection", "close").build()
                : request;
    }

    /** A network interceptor that notes hosts answering HTTP/1.0 without keep-alive. */
    Response observe(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.protocol() == Protocol.HTTP_1_0
                && !"keep-alive".equalsIgnoreCase(String.valueOf(response.header("Connection")).strip())) {
            closingHosts.add(key(chain.request().url()));
        }
        return response;
    }

    /**
     * Whether a failed request may be sent again on a fresh connection: it is idempotent and the failure is
     * the connection dropping before any answer (end of stream, reset, broken pipe), the signature of a
     * pooled connection the server had already closed. Timeouts, refused connections, unknown hosts and TLS
     * failures are answers in themselves and are not retried.
     */
    static boolean worthRetrying(Request request, IOException e) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        if (e instanceof FetchException || e instanceof InterruptedIOException || e instanceof UnknownHostException
                || e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof SSLException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof EOFException || msg.contains("unexpected end of stream")
                    || (t instanceof SocketException && (msg.contains("reset") || msg.contains("broken pipe")))) {
                return true;
            }
        }
        return false;
    }

    private static String key(HttpUrl url) {
        return url.scheme() + "://" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port();
    }
}
