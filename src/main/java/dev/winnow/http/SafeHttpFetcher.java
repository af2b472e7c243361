package dev.winnow.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The {@link HttpFetcher} winnow uses for every feed and article: OkHttp with redirects followed by
 * hand so each hop is checked, non-public addresses refused on the resolved address at connect time,
 * time caps on connect, first byte and the whole call, and a cap on decoded body bytes.
 *
 * <p>Reason codes: {@code bad-url}, {@code private-address}, {@code unknown-host}, {@code connect-failed},
 * {@code tls}, {@code timeout}, {@code too-large}, {@code bad-encoding}, {@code too-many-redirects},
 * {@code redirect-loop}, {@code bad-redirect}, {@code http-NNN}, {@code io}.
 */
public final class SafeHttpFetcher implements HttpFetcher {
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /** Appended to every refusal of a non-public address, so the reader learns how to allow it. */
    static final String ALLOW_HINT = " (allowed by --allow-private-network or network.allow-private=true)";

    private final HttpSettings settings;
    private final AddressPolicy policy;
    private final OkHttpClient client;
    private final ConnectionReuse reuse = new ConnectionReuse();

    public SafeHttpFetcher(HttpSettings s) {
        this(s, AddressPolicy.of(s.allowPrivateNetwork()));
    }

    /** With an explicit address policy, e.g. public addresses plus one intranet host. */
    public SafeHttpFetcher(HttpSettings s, AddressPolicy policy) {
        this.settings = s;
        this.policy = policy;
        this.client = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY) // a proxy would resolve names itself, out of the guard's sight
                .dns(new GuardedDns(policy, Dns.SYSTEM))
                .addNetworkInterceptor(this::checkConnectedAddress)
                .addNetworkInterceptor(reuse::observe)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false) // retried by hand, once, only for a server-closed connection
                .connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .callTimeout(s.callTimeout())
                .build();
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws FetchException {
        HttpUrl url = checkTarget(HttpUrl.parse(request.url().trim()), request.url(), policy);
        Set<String> seen = new HashSet<>();
        Instant deadline = Instant.now().plus(settings.callTimeout());
        for (int hop = 0; ; hop++) {
            if (!seen.add(url.toString())) {
                throw new FetchException("redirect-loop", "redirect loop back to " + url);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new FetchException("timeout", "redirects took longer than " + settings.callTimeout());
            }
            try (Response response = execute(request, url)) {
                if (!response.isRedirect()) {
                    return toResult(request, url, response);
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException("too-many-redirects",
                            "more than " + settings.maxRedirects() + " redirects from " + request.url());
                }
                String location = response.header("Location");
                HttpUrl next = location == null ? null : url.resolve(location);
                if (next == null) {
                    throw new FetchException("bad-redirect",
                            "HTTP " + response.code() + " to an unusable location '" + location + "'");
                }
                url = checkTarget(next, location, policy);
            }
        }
    }

    /**
     * Checks a URL before any connection: http(s) only, and a host that is an address literal (in any
     * notation a resolver might accept) must be permitted. Names are checked later, once resolved.
     */
    static HttpUrl checkTarget(HttpUrl url, String raw, AddressPolicy policy) throws FetchException {
        if (url == null) {
            throw new FetchException("bad-url", "not an http(s) URL: '" + raw + "'");
        }
        Optional<InetAddress> literal = AddressPolicy.literalHost(url.host());
        if (literal.isPresent() && !policy.permits(literal.get())) {
            throw new FetchException("private-address",
                    "refused non-public address " + literal.get().getHostAddress() + " in " + url + ALLOW_HINT);
        }
        return url;
    }

    private Response execute(FetchRequest request, HttpUrl url) throws FetchException {
        Request.Builder b = new Request.Builder().url(url)
                .header("User-Agent", settings.userAgent())
                .header("Accept", request.kind() == FetchRequest.Kind.FEED ? FEED_ACCEPT : PAGE_ACCEPT)
                // Setting Accept-Encoding ourselves turns off OkHttp's transparent gzip, so the decoded
                // bytes go through DecodedBody's cap.
                .header("Accept-Encoding", "gzip, deflate, br");
        if (request.etag() != null && !request.etag().isBlank()) {
            b.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            b.header("If-Modified-Since", request.lastModified());
        }
        Request sent = reuse.prepare(b.build());
        try {
            return client.newCall(sent).execute();
        } catch (IOException e) {
            if (!ConnectionReuse.worthRetrying(sent, e)) {
                throw translate(e, url);
            }
        }
        try { // the pool handed out a connection the server had closed; a fresh one answers
            return client.newCall(reuse.prepare(sent)).execute();
        } catch (IOException e) {
            throw translate(e, url);
        }
    }

    private FetchResult toResult(FetchRequest request, HttpUrl url, Response response) throws FetchException {
        int code = response.code();
        Instant now = Instant.now();
        if (code == 429 || code == 503) {
            Duration retry = HttpHeaders.retryAfter(response.header("Retry-After"), now);
            throw new FetchException("http-" + code, "HTTP " + code + " from " + url
                    + (retry == null ? "" : ", retry after " + retry.toSeconds() + "s"), retry, null);
        }
        if (code != 304 && (code < 200 || code > 299)) {
            throw new FetchException("http-" + code, "HTTP " + code + " from " + url);
        }
        byte[] body = code == 304 ? new byte[0] : readBody(request, url, response);
        return new FetchResult(code, request.url(), url.toString(), body,
                response.header("Content-Type"), response.header("ETag"), response.header("Last-Modified"),
                HttpHeaders.maxAge(response.header("Cache-Control"), response.header("Expires"),
                        response.header("Date"), now));
    }

    private byte[] readBody(FetchRequest request, HttpUrl url, Response response) throws FetchException {
        long cap = settings.maxBytes(request.kind());
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        String encoding = response.header("Content-Encoding");
        if (body.contentLength() > cap && (encoding == null || "identity".equalsIgnoreCase(encoding))) {
            throw tooLarge(url, cap, body.contentLength() + " bytes announced");
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = DecodedBody.read(in, encoding, cap);
            if (bytes == null) {
                throw tooLarge(url, cap, "more than the cap after decoding");
            }
            return bytes;
        } catch (DecodedBody.UnsupportedEncodingException e) {
            throw new FetchException("bad-encoding", e.getMessage() + " from " + url, null, e);
        } catch (IOException e) {
            throw translate(e, url);
        }
    }

    private static FetchException tooLarge(HttpUrl url, long cap, String detail) {
        return new FetchException("too-large", "body of " + url + " exceeds " + cap + " bytes (" + detail + ")");
    }

    private static FetchException translate(IOException e, HttpUrl url) {
        if (e instanceof FetchException fe) {
            return fe;
        }
        String msg = String.valueOf(e.getMessage());
        if (e instanceof GuardedDns.BlockedAddressException) {
            return new FetchException("private-address", "refused: " + msg + ALLOW_HINT, null, e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException("unknown-host", "unknown host " + url.host(), null, e);
        }
        if (e instanceof SocketTimeoutException && msg.toLowerCase(Locale.ROOT).contains("connect")) {
            return new FetchException("timeout", "connect to " + url.host() + " timed out", null, e);
        }
        if (e instanceof InterruptedIOException) { // read timeout, or callTimeout cancelling the call
            return new FetchException("timeout", "no answer from " + url + " in time (" + msg + ")", null, e);
        }
        if (e instanceof SSLException) {
            return new FetchException("tls", "TLS failure with " + url.host() + ": " + msg, null, e);
        }
        if (e instanceof java.net.ConnectException) {
            return new FetchException("connect-failed", "cannot connect to " + url.host() + ": " + msg, null, e);
        }
        if ("Canceled".equals(msg)) {
            return new FetchException("timeout", "request to " + url + " exceeded the time cap", null, e);
        }
        return new FetchException("io", "I/O error with " + url + ": " + msg, null, e);
    }

    /** Second line of defence: the address actually connected (also for literal hosts, which skip Dns). */
    private Response checkConnectedAddress(Interceptor.Chain chain) throws IOException {
        if (chain.connection() != null) {
            InetAddress connected = chain.connection().route().socketAddress().getAddress();
            if (!policy.permits(connected)) {
                throw new FetchException("private-address",
                        "refused non-public address " + connected.getHostAddress() + " for " + chain.request().url()
                                + ALLOW_HINT);
            }
        }
        return chain.proceed(chain.request());
    }
}
