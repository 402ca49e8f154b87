package hk.post.ecert.bench.chaos;

import hk.post.ecert.bench.cluster.PaidExtension;
import hk.post.ecert.bench.cluster.Postgres;
import hk.post.ecert.devices.printer.simulated.PrintedReceipt;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import hk.post.ecert.journal.JournalVerifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit after the worst day, from the database, the printers' captured bytes and the customers' tokens
 * ({@link TokenAudit}): each payment the clerks were
 * told was taken is there exactly once (sale, extension, journal entry), each payment the clerks were not told about
 * is there at most once, each void once; every device job ended; a print that ended without a known outcome was
 * followed by a COPY that printed; no transaction's receipt came out twice without COPY; the journal verifies.
 */
final class ChaosAudit {

    record Findings(int lost, int doubled, int uncopiedReprints, int orphans, int unknownJobs, boolean journalOk, int receiptsPrinted,
                    int unknownPrintsCopied, int scansRepeated, int pages, TokenAudit.Findings tokens, List<String> problems) {
    }

    private static final Pattern TXN = Pattern.compile("BEN-B\\d{3}-\\d{6}");

    private final Postgres postgres;
    private final List<VirtualPrinter> printers;
    private final Map<String, ChaosClerk> clerks;

    ChaosAudit(Postgres postgres, List<VirtualPrinter> printers, Map<String, ChaosClerk> clerks) {
        this.postgres = postgres;
        this.printers = printers;
        this.clerks = clerks;
    }

    Findings run(List<ChaosClerk.Sale> sales, List<String> unconfirmed, List<ChaosClerk.Scan> scans, List<ChaosRenewals.Renewal> renewals,
                 Map<Integer, CustomerTokens> tokensOf) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection c = postgres.connect()) {
            drain(c, Duration.ofMinutes(3));
            int lost = 0;
            int doubled = 0;
            for (ChaosClerk.Sale s : sales) {
                PaidExtension found = PaidExtension.of(c, s.paymentId());
                lost += found.lost() ? 1 : 0;
                doubled += found.doubled() ? 1 : 0;
                found.describe(problems);
                if (s.voidId() != null) {
                    int v = count(c, "SELECT count(*) FROM sale_reversal WHERE payment_id = ?", s.paymentId());
                    int vj = count(c, "SELECT count(*) FROM journal_entry WHERE kind = 'VOID' AND payload LIKE ?",
                            "%\"payment\":\"" + s.paymentId() + "\"%");
                    if (v == 0 || vj == 0) {
                        lost++;
                        problems.add("void lost " + s.voidId());
                    } else if (v > 1 || vj > 1) {
                        doubled++;
                        problems.add("void doubled " + s.voidId());
                    }
                }
            }
            for (String p : unconfirmed) {   // never confirmed to the clerk: there at most once
                if (count(c, "SELECT count(*) FROM sale WHERE payment_id = ?", p) > 1
                        || count(c, "SELECT count(*) FROM subscription_extension WHERE payment_id = ?", p) > 1) {
                    doubled++;
                    problems.add("unconfirmed payment doubled " + p);
                }
            }
            // a subscriber extended more often than it was paid for is a doubled charge too
            Map<String, Integer> paidFor = new HashMap<>();
            sales.forEach(s -> paidFor.merge(s.serial(), 1, Integer::sum));
            for (Map.Entry<String, Integer> e : paidFor.entrySet()) {
                int ext = count(c, "SELECT count(*) FROM subscription_extension WHERE serial_hex = ?", e.getKey());
                if (ext > e.getValue() + unconfirmedOf(c, unconfirmed, e.getKey())) {
                    doubled++;
                    problems.add("subscriber " + e.getKey() + " extended " + ext + " times for " + e.getValue() + " payment(s)");
                }
            }

            // issue 28: a voided extension goes back with its money, and each subscription runs to its original end plus
            // the years its live extensions paid for (a voided extension that kept its year is a doubled charge)
            for (ChaosClerk.Sale s : sales) {
                if (s.voidId() != null && count(c, "SELECT count(*) FROM subscription_extension_reversal WHERE payment_id = ?",
                        s.paymentId()) == 0) {
                    doubled++;
                    problems.add("voided extension " + s.paymentId() + " kept its year");
                }
            }
            for (String serial : paidFor.keySet()) {
                String wrong = subscriptionEndDiffers(c, serial);
                if (wrong != null) {
                    doubled++;
                    problems.add(wrong);
                }
            }

            // prints without a known outcome: the clerk prints a COPY, which must print
            int copied = 0;
            List<String> copyJobs = new ArrayList<>();
            for (ChaosClerk.Sale s : sales) {
                if (!"DONE".equals(status(c, s.receiptJob()))) {
                    problems.add("receipt " + s.transaction() + " " + s.receiptJob() + " ended " + status(c, s.receiptJob()) + "; COPY printed");
                    copied += copy(copyJobs, problems, () -> clerks.get(s.clerk()).copy(s.paymentId(), s.paymentId() + "-COPY"));
                }
                if (s.voidJob() != null && !"DONE".equals(status(c, s.voidJob()))) {
                    problems.add("void receipt " + s.voidTransaction() + " " + s.voidJob() + " ended " + status(c, s.voidJob()) + "; COPY printed");
                    copied += copy(copyJobs, problems, () -> clerks.get(s.clerk()).copyOfVoid(s.voidId(), s.transaction(), s.voidId() + "-COPY"));
                }
            }
            for (ChaosRenewals.Renewal r : renewals) {   // the renewal fees' receipts, the same way
                if (r.receiptJob() != null && !"DONE".equals(status(c, r.receiptJob()))) {
                    problems.add("renewal receipt " + r.transaction() + " " + r.receiptJob() + " ended " + status(c, r.receiptJob()) + "; COPY printed");
                    copied += copy(copyJobs, problems, () -> clerks.get(r.clerk()).copy(r.paymentId(), r.paymentId() + "-COPY"));
                }
            }
            // scans: one that ended without its page is scanned again by the clerk (a new job), and that must arrive
            List<String> rescans = new ArrayList<>();
            int scansRepeated = 0;
            for (ChaosClerk.Scan s : scans) {
                String st = status(c, s.jobId());
                if (!"DONE".equals(st)) {
                    problems.add("scan " + s.jobId() + " ended " + st + "; scanned again");
                    scansRepeated += copy(rescans, problems, () -> "JOB-" + clerks.get(s.clerk()).scanAgain(s.caseRef()));
                } else if (count(c, "SELECT count(*) FROM scanned_page WHERE job_id = ?", s.jobId()) == 0) {
                    lost++;
                    problems.add("scan " + s.jobId() + " ended DONE but its page is not in the case");
                }
            }
            drain(c, Duration.ofMinutes(2));
            int unknown = 0;
            for (String j : rescans) {
                if (j == null || !"DONE".equals(status(c, j)) || count(c, "SELECT count(*) FROM scanned_page WHERE job_id = ?", j) == 0) {
                    unknown++;
                    problems.add("the repeated scan " + j + " ended " + (j == null ? "refused" : status(c, j)) + " without its page");
                }
            }
            int pages = count(c, "SELECT count(*) FROM scanned_page WHERE job_id LIKE ?", "JOB-SCAN-%");
            int distinct = count(c, "SELECT count(DISTINCT job_id || '#' || seq) FROM scanned_page WHERE job_id LIKE ?", "JOB-SCAN-%");
            if (distinct != pages) {
                doubled += pages - distinct;
                problems.add((pages - distinct) + " page(s) stored twice");
            }
            for (String j : copyJobs) {
                if (!"DONE".equals(status(c, j))) {
                    unknown++;
                    problems.add("the COPY " + j + " ended " + status(c, j));
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT job_id, status FROM device_job WHERE status IN ('PENDING','SENT')");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    unknown++;
                    problems.add("job " + rs.getString(1) + " still " + rs.getString(2));
                }
            }

            // the printers' bytes: per transaction, at most one receipt without COPY
            Map<String, Integer> originals = new HashMap<>();
            int printed = 0;
            for (VirtualPrinter p : printers) {
                for (PrintedReceipt r : p.receipts()) {
                    printed++;
                    String text = r.text();
                    Matcher m = TXN.matcher(text);
                    if (!m.find()) {
                        problems.add("a receipt without a transaction number: " + text.substring(0, Math.min(120, text.length())).replace('\n', '|'));
                        continue;
                    }
                    if (!text.contains("COPY")) {
                        originals.merge(m.group(), 1, Integer::sum);
                    }
                }
            }
            int uncopied = 0;
            for (Map.Entry<String, Integer> e : originals.entrySet()) {
                if (e.getValue() > 1) {
                    uncopied += e.getValue() - 1;
                    problems.add("transaction " + e.getKey() + " printed " + e.getValue() + " times without COPY");
                }
            }
            TokenAudit.Findings tokens = TokenAudit.run(c, renewals, tokensOf, problems);
            JournalVerifier.Report report = JournalVerifier.verify(c, null);
            report.findings().forEach(f -> problems.add("journal: " + f));
            return new Findings(lost + tokens.lost(), doubled + tokens.doubled(), uncopied, tokens.orphans() + tokens.halfWritten(), unknown,
                    report.intact(), printed, copied, scansRepeated, pages, tokens, problems);
        }
    }

    interface Print {
        String job() throws Exception;
    }

    private static int copy(List<String> jobs, List<String> problems, Print p) {
        try {
            jobs.add(p.job());
            return 1;
        } catch (Exception e) {
            problems.add("the COPY was refused: " + e.getMessage());
            jobs.add(null);
            return 0;
        }
    }

    private static int unconfirmedOf(Connection c, List<String> unconfirmed, String serial) throws SQLException {
        int n = 0;
        for (String p : unconfirmed) {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM subscription_extension WHERE payment_id = ? AND serial_hex = ?")) {
                s.setString(1, p);
                s.setString(2, serial);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    n += rs.getInt(1);
                }
            }
        }
        return n;
    }

    /** Waits until no device job is waiting or under way (the terminals are all back). */
    /** Null when the certificate's subscription ends at its original end plus its live extensions' years; else what differs. */
    private static String subscriptionEndDiffers(Connection c, String serial) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT MIN(e.old_end), SUM(CASE WHEN r.payment_id IS NULL THEN e.years ELSE 0 END),"
                + " (SELECT subscription_end FROM subscriber_certificate WHERE serial_hex = ?)"
                + " FROM subscription_extension e LEFT JOIN subscription_extension_reversal r"
                + " ON r.payment_id = e.payment_id AND r.serial_hex = e.serial_hex WHERE e.serial_hex = ?")) {
            q.setString(1, serial);
            q.setString(2, serial);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getDate(1) == null) {
                    return null;
                }
                LocalDate expected = rs.getDate(1).toLocalDate().plusYears(rs.getInt(2));
                LocalDate actual = rs.getDate(3).toLocalDate();
                return expected.equals(actual) ? null
                        : "subscriber " + serial + " runs to " + actual + ", its live extensions to " + expected;
            }
        }
    }

    private static void drain(Connection c, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(c, "SELECT count(*) FROM device_job WHERE status IN ('PENDING','SENT') AND job_id <> ?", "") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private static int count(Connection c, String sql, String arg) throws SQLException {
        return PaidExtension.count(c, sql, arg);
    }

    private static String status(Connection c, String jobId) throws SQLException {
        return PaidExtension.jobStatus(c, jobId);
    }
}
