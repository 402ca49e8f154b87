package hk.post.ecert.bench.cluster;

import hk.post.ecert.bench.CounterApiWrite;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counter traffic over HTTP the way the counter's screens behave: each BENCH clerk opens a till, then for each of its
 * subscribers extends the subscription (cash) and prints the receipt. Every payment id is chosen before the first
 * send; when an instance stops answering, the clerk logs in again on another instance and repeats the request with
 * the same id, so the repeat is answered with the first outcome.
 */
public final class CounterTraffic {

    private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([0-9a-f]+)\"");
    private static final Pattern JOB = Pattern.compile("\"job\":\"([^\"]+)\"");
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    /** A payment the counter confirmed to the clerk, with its receipt job. */
    public record Payment(String paymentId, String clerk, String serial, String receiptJob) {
    }

    private final Supplier<List<String>> instanceUrls;
    private final ConcurrentLinkedQueue<Payment> confirmed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unconfirmed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failovers = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final java.util.Set<String> clerksOnTwoInstances = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param instanceUrls the instances a clerk may use (re-read on each failover: a load balancer's view) */
    public CounterTraffic(Supplier<List<String>> instanceUrls) {
        this.instanceUrls = instanceUrls;
    }

    public static String clerk(int n) {
        return String.format("bench%03d", n);
    }

    public List<Payment> confirmed() {
        return new ArrayList<>(confirmed);
    }

    public List<String> unconfirmed() {
        return new ArrayList<>(unconfirmed);
    }

    public List<String> errors() {
        return new ArrayList<>(errors);
    }

    public int failovers() {
        return failovers.get();
    }

    /** Clerks who had to log in again on another instance to carry on (their instance went away). */
    public java.util.Set<String> clerksWhoMoved() {
        return java.util.Set.copyOf(clerksOnTwoInstances);
    }

    /** Payments finished so far (for deciding when to pull the plug). */
    public int progress() {
        return done.get();
    }

    /** Runs clerks {@code from}..{@code to}, each through {@code perClerk} subscribers (at most 10), in parallel. */
    public double run(int from, int to, int perClerk) throws InterruptedException {
        int n = to - from + 1;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch latch = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = from; i <= to; i++) {
            int clerkNo = i;
            pool.submit(() -> {
                try {
                    new Clerk(clerkNo).work(perClerk);
                } catch (Exception e) {
                    errors.add(clerk(clerkNo) + ": " + e);
                } finally {
                    latch.countDown();
                }
            });
        }
        latch.await();
        pool.shutdown();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One clerk at one counter, stuck to one instance until it fails. */
    private final class Clerk {
        private final int n;
        private final String user;
        private final Map<String, HttpClient> sessions = new HashMap<>();
        private final java.util.Set<String> loggedInAt = new java.util.HashSet<>();
        private int preferred;

        Clerk(int n) {
            this.n = n;
            this.user = clerk(n);
            this.preferred = n + 1;   // not the instance its terminal dials first: jobs cross instances
        }

        void work(int perClerk) throws Exception {
            call("till", "POST", "api/counter/till?id=TILL-" + user.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 6)
                    + "&floatCents=100000");
            for (int j = 1; j <= perClerk; j++) {
                String srn = String.format("SRN-B-%03d%02d", n, j);
                String found = call("lookup", "GET", "api/counter/subscribers?srn=" + srn + "&reason=" + enc("renewal enquiry"));
                Matcher m = SERIAL.matcher(found);
                if (!m.find()) {
                    errors.add(user + ": no certificate " + srn);
                    continue;
                }
                String serial = m.group(1);
                String paymentId = "PAY-" + user.toUpperCase() + "-" + UUID.randomUUID();   // chosen before the first send
                try {
                    call("pay", "POST", "api/counter/extensions?paymentId=" + paymentId + "&serial=" + serial + "&years=1&cashCents=5000");
                } catch (IOException e) {
                    unconfirmed.add(paymentId);
                    errors.add(user + " pay " + paymentId + ": " + e.getMessage());
                    continue;
                }
                String receipt = call("receipt", "POST", "api/counter/receipts?paymentId=" + paymentId);
                Matcher jm = JOB.matcher(receipt);
                confirmed.add(new Payment(paymentId, user, serial, jm.find() ? jm.group(1) : null));
                done.incrementAndGet();
            }
        }

        /** Sends until an instance answers 200 (re-logging in and moving on when one fails); 4xx refusals are errors. */
        private String call(String what, String method, String path) throws Exception {
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            Exception last = null;
            while (System.nanoTime() < deadline) {
                List<String> urls = instanceUrls.get();
                String base = urls.get(Math.floorMod(preferred, urls.size()));
                try {
                    HttpClient c = session(base);
                    HttpResponse<String> r = c.send(request(base + path, method), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && !r.body().contains("j_password")) {
                        return r.body();
                    }
                    if (r.statusCode() == 200 || r.statusCode() == 401 || r.statusCode() == 403) {
                        sessions.remove(base);   // the session is gone (another instance, or expired): log in again
                        continue;
                    }
                    if (r.statusCode() >= 400 && r.statusCode() < 500) {
                        throw new IOException(what + ": HTTP " + r.statusCode() + " " + r.body());
                    }
                    last = new IOException(what + ": HTTP " + r.statusCode());
                } catch (IOException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith(what + ": HTTP 4")) {
                        throw e;
                    }
                    last = e;
                }
                // this instance is not answering: the next one, with a fresh login
                sessions.remove(base);
                preferred++;
                failovers.incrementAndGet();
                Thread.sleep(200);
            }
            throw new IOException(what + " gave up: " + last);
        }

        private HttpClient session(String base) throws Exception {
            HttpClient c = sessions.get(base);
            if (c != null) {
                return c;
            }
            c = BenchLogin.session(base, user);
            sessions.put(base, c);
            logins.incrementAndGet();
            loggedInAt.add(base);
            if (loggedInAt.size() > 1) {
                clerksOnTwoInstances.add(user);
            }
            return c;
        }
    }

    private static HttpRequest request(String url, String method) {
        if ("POST".equals(method)) {
            return CounterApiWrite.post("", url, Duration.ofSeconds(30));
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
