package hk.post.ecert.bench.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What the database holds of one paid subscription extension, for the benchmarks' audits: its sale, its extension
 * and its journal entry, each of which must be there exactly once.
 */
public record PaidExtension(String paymentId, int sales, int extensions, int journalled) {

    public static PaidExtension of(Connection c, String paymentId) throws SQLException {
        return new PaidExtension(paymentId, count(c, "SELECT count(*) FROM sale WHERE payment_id = ?", paymentId),
                count(c, "SELECT count(*) FROM subscription_extension WHERE payment_id = ?", paymentId),
                count(c, "SELECT count(*) FROM journal_entry WHERE kind = 'SALE' AND payload LIKE ?", "%\"payment\":\"" + paymentId + "\"%"));
    }

    public boolean lost() {
        return sales == 0 || extensions == 0 || journalled == 0;
    }

    public boolean doubled() {
        return sales > 1 || extensions > 1 || journalled > 1;
    }

    /** Adds what is wrong with it, if anything, to {@code problems}. */
    public void describe(List<String> problems) {
        if (lost()) {
            problems.add("lost " + paymentId + " (sale " + sales + ", extension " + extensions + ", journal " + journalled + ")");
        }
        if (doubled()) {
            problems.add("doubled " + paymentId);
        }
    }

    /** {@code SELECT count(*) …} with one parameter. */
    public static int count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A device job's status, or MISSING. */
    public static String jobStatus(Connection c, String jobId) throws SQLException {
        if (jobId == null) {
            return "MISSING";
        }
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM device_job WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "MISSING";
            }
        }
    }
}
