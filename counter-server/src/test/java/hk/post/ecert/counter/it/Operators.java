package hk.post.ecert.counter.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A monitoring system's calls to the operator endpoints ({@code /metrics}, {@code /api/terminals}), with the operators'
 * bearer token the server made beside its keys (issue 31): {@code target/it-ca} for the shared test server, {@code target/it-ca-<class>} for a server of its own ({@link CounterServer#keyDir}).
 */
final class Operators {

    static final Path IT_KEYS = Path.of("target/it-ca");

    private Operators() {
    }

    static String token(Path keyDir) throws java.io.IOException {
        return Files.readString(keyDir.resolve("operator.token")).trim();
    }

    static HttpResponse<String> get(Object base, String path, Path keyDir) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token(keyDir)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(Object base, String path) throws Exception {
        return get(base, path, CounterServer.keyDir(base));
    }
}
