package hk.post.ecert.bench.chaos;

import hk.post.ecert.bench.cluster.BenchLogin;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One BENCH clerk at one counter through the worst day: subscription extensions paid in cash and by EPS, each with its
 * receipt, and every fourth sale voided with a supervisor's approval and the void's receipt; every tenth customer has a
 * page scanned into a case, and every eighth is due for renewal onto their token ({@link ChaosRenewals}). Every id is
 * chosen before the first send; when an instance stops answering (killed, or the database away) the clerk moves to the
 * other one, logs in again and repeats the request with the same id ({@link ChaosCaller}), as the counter's screens do.
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

    private final int n;
    private final String user;
    private final int subscribers;
    private final ChaosCaller caller;
    private final ChaosRenewals renewals;
    private final AtomicBoolean stop;
    private final Queue<Sale> sales;
    private final Queue<String> unconfirmed;
    private final Queue<String> errors;
    private final Queue<Scan> scans;

    ChaosClerk(int n, int subscribers, Supplier<List<String>> instances, AtomicBoolean stop, Queue<Sale> sales,
               Queue<String> unconfirmed, Queue<String> errors, Queue<Scan> scans, ChaosRenewals.Counter renewalDesk) {
        this.scans = scans;
        this.n = n;
        this.user = String.format("bench%03d", n);
        this.subscribers = subscribers;
        this.caller = new ChaosCaller(user, n, instances);
        this.renewals = renewalDesk == null ? null : new ChaosRenewals(renewalDesk, caller, new ChaosCaller("benchofficer", n + 1, instances), errors);
        this.stop = stop;
        this.sales = sales;
        this.unconfirmed = unconfirmed;
        this.errors = errors;
    }

    String user() {
        return user;
    }

    int failovers() {
        return caller.failovers();
    }

    ChaosRenewals renewals() {
        return renewals;
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
                if (renewals != null && i % 8 == 2) {
                    renewals.renewNext();   // a customer due for renewal, onto the token they brought
                }
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
        } catch (ChaosCaller.Refused r) {
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
                    + "&reason=" + enc("customer changed mind") + "&supervisor=benchsup&supervisorPassword=" + enc(BenchLogin.PASSWORD));
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
        } catch (ChaosCaller.Refused r) {
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
                + "&reason=" + enc("customer changed mind") + "&supervisor=benchsup&supervisorPassword=" + enc(BenchLogin.PASSWORD)
                + "&printId=" + printId));
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private String call(String what, String pathWithQuery) throws Exception {
        return caller.post(what, pathWithQuery);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
