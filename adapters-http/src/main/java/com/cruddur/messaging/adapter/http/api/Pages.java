package com.cruddur.messaging.adapter.http.api;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.model.Cursor;
import com.cruddur.messaging.domain.model.Page;
import com.cruddur.messaging.domain.model.PageRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code limit}/{@code cursor} paging over plain-array bodies: the next page is announced in an
 * RFC 8288 {@code Link: <...>; rel="next"} header. Cursors are the store's, base64url-wrapped so
 * clients treat them as opaque.
 */
final class Pages {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Pages() {
    }

    static PageRequest request(Integer limit, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return PageRequest.of(limit, null);
        }
        String decoded;
        try {
            decoded = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
        if (decoded.isEmpty()) {
            throw new InvalidInputException(ErrorCode.CURSOR_INVALID);
        }
        return PageRequest.of(limit, decoded);
    }

    static <T, J> MutableHttpResponse<List<J>> ok(String path, PageRequest request, Page<T> page, Function<T, J> json) {
        MutableHttpResponse<List<J>> response = HttpResponse.ok(page.items().stream().map(json).toList());
        page.next().ifPresent(next -> response.header("Link", "<" + nextUri(path, request.limit(), next) + ">; rel=\"next\""));
        return response;
    }

    private static String nextUri(String path, int limit, Cursor next) {
        String cursor = ENCODER.encodeToString(next.value().getBytes(StandardCharsets.UTF_8));
        return UriBuilder.of(path).queryParam("limit", limit).queryParam("cursor", cursor).toString();
    }
}
