package hk.post.ecert.bench.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A BENCH clerk's session on one instance: the login form posted as a browser does, its cookie kept. */
public final class BenchLogin {

    public static final String PASSWORD = "Bench#2026";

    private BenchLogin() {
    }

    /** Logs {@code user} in at {@code base}; the client carries the session from then on. */
    public static HttpClient session(String base, String user) throws IOException, InterruptedException {
        HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(3)).build();
        c.send(HttpRequest.newBuilder(URI.create(base + "index.xhtml")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=" + enc(user) + "&j_password=" + enc(PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("j_password")) {
            throw new IOException("login of " + user + " at " + base + " failed: HTTP " + r.statusCode());
        }
        return c;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
