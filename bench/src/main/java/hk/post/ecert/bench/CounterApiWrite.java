package hk.post.ecert.bench;

import hk.post.ecert.devices.wire.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A write to the counter's JSON API as the server wants it: the fields as a JSON body and the {@code X-Counter-Client}
 * header (the server refuses writes without them, so that a cross-site form cannot make one). The benchmarks name a
 * write as a path with a query ("api/counter/extensions?paymentId=…&years=1"); the query becomes the body.
 */
public final class CounterApiWrite {

    private CounterApiWrite() {
    }

    public static HttpRequest post(String base, String pathWithQuery, Duration timeout) {
        int q = pathWithQuery.indexOf('?');
        String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathWithQuery.substring(q + 1).split("&")) {
                int e = pair.indexOf('=');
                String k = URLDecoder.decode(pair.substring(0, e), StandardCharsets.UTF_8);
                String v = URLDecoder.decode(pair.substring(e + 1), StandardCharsets.UTF_8);
                fields.put(k, v.matches("-?\\d{1,18}") ? (Object) Long.valueOf(v) : v);
            }
        }
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("X-Counter-Client", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(fields))).build();
    }
}
