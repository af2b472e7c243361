package dev.winnow.extract;

import java.util.Objects;

/**
 * A fetched HTML page to extract from: raw bytes (charset not yet decided), the URL it was fetched
 * from (for resolving links), and the Content-Type header if any (its charset is one hint among others).
 */
public record PageInput(byte[] body, String url, String contentType) {
    public PageInput {
        Objects.requireNonNull(body, "body");
    }
}
