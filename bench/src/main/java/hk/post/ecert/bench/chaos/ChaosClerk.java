package hk.post.ecert.bench.chaos;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One BENCH clerk at one counter through the worst day: subscription extensions paid in cash and by EPS, each with its
 * receipt, and every fourth sale voided with a supervisor's approval and the void's receipt. Every id is chosen before
 * the first send; when an instance stops answering (killed, or the database away) the clerk moves to the other one,
 * logs in again and repeats the request with the same id, as the counter's screens do.
 */
final class ChaosClerk implements Runnable {

    /** A payment the counter confirmed to the clerk; {@code voidId} when it was then voided. */
    record Sale(String paymentId, String clerk, String serial, String tender, String transaction, String receiptJob,
                String voidId, String voidTransaction, String voidJob) {
    }

    /** A scan the clerk asked for (a page on the flatbed of the counter's scanner, through saned). */
    record Scan(String caseRef, String jobId, String clerk) {
    }

    private static final Pattern TXN = Pattern.compile("\"transaction\":\"([^\"]+)\"");
    private static final Pattern JOB = Pattern.compile("\"job\":\"([^\"]+)\"");
    private static final Duration GIVE_UP = Duration.ofMinutes(4);

    private final int n;
    private final String user;
    private final int subscribers;
    private final Supplier<List<String>> instances;
    private final AtomicBoolean stop;
    private final Queue<Sale> sales;
    private final Queue<String> unconfirmed;
    private final Queue<String> errors;
    private final Queue<Scan> scans;
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private int preferred;
    private int failovers;

    ChaosClerk(int n, int subscribers, Supplier<List<String>> instances, AtomicBoolean stop, Queue<Sale> sales,
               Queue<String> unconfirmed, Queue<String> errors, Queue<Scan> scans) {
        this.scans = scans;
        this.n = n;
        this.user = String.format("bench%03d", n);
        this.subscribers = subscribers;
        this.instances = instances;
        this.stop = stop;
        this.sales = sales;
        this.unconfirmed = unconfirmed;
        this.errors = errors;
        this.preferred = n;
    }

    String user() {
        return user;
    }

    int failovers() {
        return failovers;
    }

    @Override
    public void run() {
        try {
            call("till", "api/counter/till?id=TILL-" + user.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 6)
                    + "&floatCents=100000");
            for (int i = 0; !stop.get(); i++) {
                int j = i % subscribers + 1;   // a subscriber extended once is at its expiry: the next one
                String sub = j < 100 ? String.format("%03d%02d", n, j) : String.format("%03d%d", n, j);
                sale("be" + sub, i);
                if (i % 10 == 5) {
                    scan("CHAOS-" + user.toUpperCase() + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
                }
                Thread.sleep(1000);   // the next customer steps up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            errors.add(user + ": " + e);
        }
    }

    private void sale(String serial, int i) throws Exception {
        boolean eps = i % 2 == 1;
        String paymentId = "PAY-" + user.toUpperCase() + "-" + UUID.randomUUID();   // chosen before the first send
        String paid;
        try {
            paid = call("pay", "api/counter/extensions?paymentId=" + paymentId + "&serial=" + serial + "&years=1"
                    + (eps ? "&tender=EPS&reference=EPS-" + paymentId.substring(paymentId.length() - 12) : "&cashCents=5000"));
        } catch (Refused r) {
            errors.add(user + " pay " + serial + " refused: " + r.getMessage());
            return;
        } catch (IOException e) {
            unconfirmed.add(paymentId);
            errors.add(user + " pay " + paymentId + ": " + e.getMessage());
            return;
        }
        String txn = group(TXN, paid);
        String job = group(JOB, call("receipt", "api/counter/receipts?paymentId=" + paymentId));
        String voidId = null;
        String voidTxn = null;
        String voidJob = null;
        if (i % 4 == 3) {
            voidId = "VOID-" + user.toUpperCase() + "-" + UUID.randomUUID();
            String v = call("void", "api/counter/voids?reversalId=" + voidId + "&transaction=" + txn
                    + "&reason=" + enc("customer changed mind") + "&supervisor=benchsup&supervisorPassword=" + enc(hk.post.ecert.bench.cluster.BenchLogin.PASSWORD));
            voidTxn = group(TXN, v);
            voidJob = group(JOB, v);
        }
        sales.add(new Sale(paymentId, user, serial, eps ? "EPS" : "CASH", txn, job, voidId, voidTxn, voidJob));
    }

    /** The page scanned again into the same case (a new job), as the clerk does when a scan did not arrive. */
    String scanAgain(String caseRef) throws Exception {
        String jobId = "SCAN-" + UUID.randomUUID();
        group(JOB, call("scan", "api/counter/scans?caseRef=" + caseRef + "&jobId=" + jobId));
        return jobId;
    }

    /** A page scanned into a case's capture; the job id chosen before the first send. */
    String scan(String caseRef) throws Exception {
        String jobId = "SCAN-" + UUID.randomUUID();
        String job;
        try {
            job = group(JOB, call("scan", "api/counter/scans?caseRef=" + caseRef + "&jobId=" + jobId));
        } catch (Refused r) {
            errors.add(user + " scan refused: " + r.getMessage());
            return null;
        }
        scans.add(new Scan(caseRef, job, user));
        return job;
    }

    /** Asks for a COPY of a receipt whose print ended without a known outcome (what the clerk does at the counter). */
    String copy(String paymentId, String printId) throws Exception {
        return group(JOB, call("copy", "api/counter/receipts?paymentId=" + paymentId + "&printId=" + printId));
    }

    /** The same for a void's receipt: the void repeated with its id (answered with the first void), printed as a COPY. */
    String copyOfVoid(String voidId, String transaction, String printId) throws Exception {
        return group(JOB, call("copy", "api/counter/voids?reversalId=" + voidId + "&transaction=" + transaction
                + "&reason=" + enc("customer changed mind") + "&supervisor=benchsup&supervisorPassword=" + enc(hk.post.ecert.bench.cluster.BenchLogin.PASSWORD)
                + "&printId=" + printId));
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** A 409: the counter refused, with its reason; not retried. */
    static final class Refused extends Exception {
        Refused(String m) {
            super(m);
        }
    }

    private String call(String what, String pathWithQuery) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            List<String> urls = instances.get();
            String base = urls.get(Math.floorMod(preferred, urls.size()));
            try {
                HttpClient c = session(base);
                HttpResponse<String> r = c.send(hk.post.ecert.bench.CounterApiWrite.post(base, pathWithQuery, Duration.ofSeconds(30)),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && !r.body().contains("j_password")) {
                    return r.body();
                }
                if (r.statusCode() == 409) {
                    throw new Refused(what + ": " + r.body());
                }
                if (r.statusCode() == 200 || r.statusCode() == 401 || r.statusCode() == 403) {
                    sessions.remove(base);   // the session is gone (a restarted instance): log in again
                    continue;
                }
                if (r.statusCode() == 400) {
                    throw new IOException(what + ": HTTP 400 " + r.body());
                }
                last = new IOException(what + ": HTTP " + r.statusCode());
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(what + ": HTTP 400")) {
                    throw e;
                }
                last = e;
            }
            sessions.remove(base);
            preferred++;
            failovers++;
            Thread.sleep(250);
        }
        throw new IOException(what + " gave up: " + last);
    }

    private HttpClient session(String base) throws Exception {
        HttpClient c = sessions.get(base);
        if (c != null) {
            return c;
        }
        c = hk.post.ecert.bench.cluster.BenchLogin.session(base, user);
        sessions.put(base, c);
        return c;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
