package hk.post.ecert.bench.chaos;

import hk.post.ecert.bench.CounterApiWrite;
import hk.post.ecert.bench.cluster.BenchLogin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One BENCH member of staff's calls to the counter through the worst day: when an instance stops answering (killed,
 * or the database away) the call moves to the other one, logs in again and is repeated — with the same ids, which the
 * caller chose before the first send — until it is answered or four minutes have passed. A 409 is the counter's
 * refusal and is not repeated.
 */
final class ChaosCaller {

    /** A 409: the counter refused, with its reason; not retried. */
    static final class Refused extends Exception {
        Refused(String m) {
            super(m);
        }
    }

    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    private final String user;
    private final Supplier<List<String>> instances;
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private int preferred;
    private int failovers;

    ChaosCaller(String user, int preferred, Supplier<List<String>> instances) {
        this.user = user;
        this.preferred = preferred;
        this.instances = instances;
    }

    String user() {
        return user;
    }

    int failovers() {
        return failovers;
    }

    /** A write ("api/counter/extensions?paymentId=…"; the query becomes the JSON body); the answer's JSON. */
    String post(String what, String pathWithQuery) throws Exception {
        return new String(send(what, base -> CounterApiWrite.post(base, pathWithQuery, Duration.ofSeconds(30)), false),
                StandardCharsets.UTF_8);
    }

    /** A read of the JSON API. */
    String get(String what, String pathWithQuery) throws Exception {
        return new String(send(what, base -> read(base, pathWithQuery), false), StandardCharsets.UTF_8);
    }

    /** A file the screens offer (a PDF), as bytes. */
    byte[] download(String what, String pathWithQuery) throws Exception {
        return send(what, base -> read(base, pathWithQuery), true);
    }

    private static HttpRequest read(String base, String pathWithQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathWithQuery)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private byte[] send(String what, Function<String, HttpRequest> request, boolean binary) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            List<String> urls = instances.get();
            String base = urls.get(Math.floorMod(preferred, urls.size()));
            try {
                HttpResponse<byte[]> r = session(base).send(request.apply(base), HttpResponse.BodyHandlers.ofByteArray());
                String type = r.headers().firstValue("Content-Type").orElse("");
                boolean loginPage = type.startsWith("text/html") && new String(r.body(), StandardCharsets.UTF_8).contains("j_password");
                if (r.statusCode() == 200 && !loginPage && (!binary || !type.startsWith("text/html"))) {
                    return r.body();
                }
                String body = new String(r.body(), StandardCharsets.UTF_8);
                if (r.statusCode() == 409) {
                    throw new Refused(what + ": " + body);
                }
                if (r.statusCode() == 200 || r.statusCode() == 401 || r.statusCode() == 403) {
                    sessions.remove(base);   // the session is gone (a restarted instance): log in again
                    last = new IOException(what + ": HTTP " + r.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
                    Thread.sleep(250);
                    continue;
                }
                if ((r.statusCode() == 400 || r.statusCode() == 404) && type.startsWith("application/json")) {
                    throw new BadRequest(what + ": HTTP " + r.statusCode() + " " + body);
                }
                // anything else — Payara's own error page while an instance started again deploys the counter — is
                // the instance not serving yet: the next one is asked
                last = new IOException(what + ": HTTP " + r.statusCode());
            } catch (BadRequest e) {
                throw new IOException(e.getMessage());
            } catch (IOException e) {
                last = e;
            }
            sessions.remove(base);
            preferred++;
            failovers++;
            Thread.sleep(250);
        }
        throw new IOException(what + " gave up: " + last);
    }

    /** A request the counter could not take as sent (its JSON 400 or 404): repeating it changes nothing. */
    private static final class BadRequest extends Exception {
        BadRequest(String m) {
            super(m);
        }
    }

    private HttpClient session(String base) throws Exception {
        HttpClient c = sessions.get(base);
        if (c != null) {
            return c;
        }
        c = BenchLogin.session(base, user);
        sessions.put(base, c);
        return c;
    }
}
