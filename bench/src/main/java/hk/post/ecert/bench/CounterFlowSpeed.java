package hk.post.ecert.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/bench counter-flow}: N simulated counters at once. Each clerk logs in once, as at a counter (issue 32),
 * then serves the e-Cert (Personal) subscription extension flow over HTTP ten times — look the subscriber up, quote,
 * pay cash, send the receipt job — and in the same run a static page from the same server. Prints the 95th percentile
 * of the counter's own requests and its ratio to the static page's, the login's own p95 (one after another, as an office
 * opens), flows per second per core, and the errors.
 */
public final class CounterFlowSpeed {

    private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([0-9a-f]+)\"");

    private final String base;
    private final ConcurrentLinkedQueue<Long> flow = new ConcurrentLinkedQueue<>();
    /** The same requests and static pages from each counter's second flow on: what a counter sees once the server is warm. */
    private final ConcurrentLinkedQueue<Long> flowWarm = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> staticsWarm = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> byRequest = new ConcurrentSkipListMap<>();
    private static final ThreadLocal<Integer> FLOW = ThreadLocal.withInitial(() -> 0);
    private final ConcurrentLinkedQueue<Long> logins = new ConcurrentLinkedQueue<>();
    private final AtomicInteger flowsDone = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> statics = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    private CounterFlowSpeed(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        // a clerk's connection may sit idle while the others log in: drop it before the server's keep-alive (30 s) does
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        int counters = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        new CounterFlowSpeed(base).run(counters, iterations);
    }

    private void run(int counters, int iterations) throws Exception {
        // each clerk logs in once, one after another as an office opens (the login timed on its own), and opens the till
        HttpClient[] clients = new HttpClient[counters + 1];
        for (int i = 1; i <= counters; i++) {
            HttpClient c = client();
            long t = System.nanoTime();
            login(c, clerk(i), false);
            logins.add((System.nanoTime() - t) / 1_000_000);
            expect(send(c, post("api/counter/till?id=TILL-BENCH-" + i + "&floatCents=100000"), false), "open till");
            clients[i] = c;
        }
        ExecutorService pool = Executors.newFixedThreadPool(counters);
        CountDownLatch done = new CountDownLatch(counters);
        long t0 = System.nanoTime();
        for (int i = 1; i <= counters; i++) {
            int counter = i;
            pool.submit(() -> {
                try {
                    for (int j = 1; j <= iterations; j++) {
                        iteration(clients[counter], counter, j);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long p95 = percentile(flow, 95);
        long p95Static = percentile(statics, 95);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d counters x %d flows in %.1f s: %d counter requests (p50 %d ms, p95 %d ms), %d logins (p95 %d ms),"
                        + " %d static (p95 %d ms), %d cores%n", counters, iterations, seconds, flow.size(), percentile(flow, 50), p95,
                logins.size(), percentile(logins, 95), statics.size(), p95Static, cores);
        byRequest.forEach((kind, q) -> System.out.printf("  %s: p50 %d ms, p95 %d ms%n", kind, percentile(q, 50), percentile(q, 95)));
        long p95Warm = percentile(flowWarm, 95);
        long p95StaticWarm = percentile(staticsWarm, 95);
        System.out.printf("RESULT counter-flow warm_counter_p95_ms=%d warm_static_p95_ms=%d warm_counter_p95_ratio_vs_static=%.2f%n",
                p95Warm, p95StaticWarm, (double) p95Warm / Math.max(1, p95StaticWarm));
        firstErrors.stream().limit(5).forEach(e -> System.out.println("error: " + e));
        System.out.printf("RESULT counter-flow counter_p95_ms=%d counter_p95_ratio_vs_static=%.2f static_p95_ms=%d login_p95_ms=%d"
                        + " flows_per_s_per_core=%.2f flows=%d errors=%d%n", p95, (double) p95 / Math.max(1, p95Static), p95Static,
                percentile(logins, 95), flowsDone.get() / seconds / cores, flowsDone.get(), errors.get());
    }

    private static String clerk(int i) {
        return String.format("bench%03d", i);
    }

    private void iteration(HttpClient c, int counter, int j) {
        FLOW.set(j);
        try {
            timedStatic(c);
            String srn = String.format("SRN-B-%03d%02d", counter, j);
            String found = expect(send(c, get("api/counter/subscribers?srn=" + srn + "&reason=" + enc("bench: renewal enquiry")), true), "lookup");
            Matcher m = SERIAL.matcher(found);
            if (!m.find()) {
                throw new IllegalStateException("no certificate for " + srn + ": " + found);
            }
            String serial = m.group(1);
            expect(send(c, get("api/counter/extension-quote?serial=" + serial + "&years=1&reason=customer%20at%20the%20counter"), true), "quote");
            String paymentId = "PAY-BENCH-" + UUID.randomUUID();
            expect(send(c, post("api/counter/extensions?paymentId=" + paymentId + "&serial=" + serial + "&years=1&cashCents=5000"), true), "pay");
            expect(send(c, post("api/counter/receipts?paymentId=" + paymentId), true), "receipt");
            flowsDone.incrementAndGet();
        } catch (Exception e) {
            errors.incrementAndGet();
            if (firstErrors.size() < 10) {
                firstErrors.add(clerk(counter) + " #" + j + ": " + e.getMessage());
            }
        }
    }

    private void timedStatic(HttpClient c) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = c.send(get("static.html"), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t) / 1_000_000;
        statics.add(ms);
        if (FLOW.get() > 1) {
            staticsWarm.add(ms);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("static page: HTTP " + r.statusCode());
        }
    }

    private void login(HttpClient c, String user, boolean timed) throws Exception {
        send(c, get("index.xhtml"), timed);   // the protected page leads to the login form
        HttpResponse<String> r = send(c, HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + enc(user) + "&j_password=" + enc("Bench#2026"))).build(), timed);
        if (r.statusCode() != 200 || r.body().contains("j_password")) {
            throw new IllegalStateException("login of " + user + " failed: HTTP " + r.statusCode());
        }
    }

    private HttpResponse<String> send(HttpClient c, HttpRequest req, boolean timed) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = c.send(req, HttpResponse.BodyHandlers.ofString());
        if (timed) {
            long ms = (System.nanoTime() - t) / 1_000_000;
            flow.add(ms);
            if (FLOW.get() > 1) {
                flowWarm.add(ms);
            }
            String path = req.uri().getPath();
            byRequest.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), k -> new ConcurrentLinkedQueue<>()).add(ms);
        }
        return r;
    }

    private static String expect(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private HttpClient client() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        // HTTP/1.1 as a counter's browser speaks it on plain http (no h2c upgrade on a long-lived connection)
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build();
    }

    private HttpRequest post(String path) {
        return CounterApiWrite.post(base, path, Duration.ofSeconds(120));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long percentile(ConcurrentLinkedQueue<Long> q, int p) {
        List<Long> l = new ArrayList<>(q);
        if (l.isEmpty()) {
            return 0;
        }
        Collections.sort(l);
        return l.get(Math.min(l.size() - 1, (int) Math.ceil(p / 100.0 * l.size()) - 1));
    }
}
