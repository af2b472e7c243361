package dev.winnow.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The form of a URL used to recognise the same article behind different links: lower-case scheme and
 * host, no default port, no fragment, no tracking parameters (utm_*, fbclid, gclid, …), the remaining
 * query parameters sorted by name (stable, so repeated names keep their order). Percent-encoding and
 * IDN hosts are normalised by OkHttp's URL parser.
 */
public final class UrlCanonicalizer {
    /** Parameters that only say where a click came from; they never select content. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hssc", "__hstc",
            "__hsfp", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_conv", "vero_id",
            "wickedid", "rb_clickid", "s_cid", "ncid", "cmpid", "ocid", "sr_share", "at_medium",
            "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ito", "_openstat");
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "piwik_", "matomo_");

    private UrlCanonicalizer() {
    }

    /** The canonical form, or the trimmed input unchanged when it is not an http(s) URL. */
    public static String canonicalize(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            return url.trim();
        }
        HttpUrl.Builder b = parsed.newBuilder().fragment(null).query(null);
        List<String[]> params = new ArrayList<>();
        for (int i = 0; i < parsed.querySize(); i++) {
            String name = parsed.queryParameterName(i);
            if (!isTracking(name)) {
                params.add(new String[] {name, parsed.queryParameterValue(i)});
            }
        }
        params.sort(Comparator.comparing(p -> p[0])); // List.sort is stable
        for (String[] p : params) {
            b.addQueryParameter(p[0], p[1]);
        }
        return b.build().toString();
    }

    static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return TRACKING.contains(n) || TRACKING_PREFIXES.stream().anyMatch(n::startsWith);
    }
}
