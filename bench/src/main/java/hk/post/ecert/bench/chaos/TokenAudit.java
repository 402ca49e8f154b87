package hk.post.ecert.bench.chaos;

import hk.post.ecert.bench.cluster.PaidExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The renewals onto customers' tokens after the worst day, from the database and the tokens themselves: each paid
 * fee once; each case's certificates either verified on its medium (one) or revoked — never issued and left
 * nowhere; and on each token nothing but the verified attempt's key pair and certificate (and the CA certificates):
 * no key pair of an attempt that failed, no certificate of one that was revoked, no verified attempt whose key or
 * certificate is missing or differs from what the CA issued.
 */
final class TokenAudit {

    /** What the tokens and the renewal cases showed. */
    record Findings(int lost, int doubled, int orphans, int halfWritten, int completed, int unfinished, int attempts,
                    int tokenWrites) {
    }

    private TokenAudit() {
    }

    static Findings run(Connection c, List<ChaosRenewals.Renewal> renewals, Map<Integer, CustomerTokens> tokensOf,
                        List<String> problems) throws Exception {
        int lost = 0;
        int doubled = 0;
        int orphans = 0;
        int halfWritten = 0;
        int completed = 0;
        int unfinished = 0;
        int attempts = 0;
        int writes = 0;
        for (ChaosRenewals.Renewal r : renewals) {
            attempts += r.attempts();
            if (r.paymentId() != null) {
                int sales = PaidExtension.count(c, "SELECT count(*) FROM sale WHERE payment_id = ?", r.paymentId());
                if (sales != 1) {
                    lost += sales == 0 ? 1 : 0;
                    doubled += sales > 1 ? sales - 1 : 0;
                    problems.add("renewal fee " + r.paymentId() + " of " + r.caseRef() + " is there " + sales + " time(s)");
                }
            }
            if ("COMPLETED".equals(r.end())) {
                completed++;
            } else {
                unfinished++;
                problems.add("renewal " + r.caseRef() + " (" + r.clerk() + ") ended for the clerk: " + r.end());
            }
            if (r.caseRef() == null) {
                continue;
            }
            String caseState = one(c, "SELECT state FROM renewal_case WHERE case_ref = ?", r.caseRef());
            if ("COMPLETED".equals(r.end()) && !"COMPLETED".equals(caseState)) {
                problems.add("renewal " + r.caseRef() + " was completed for the clerk but the case is " + caseState);
                unfinished++;
            }
            // the case's attempts: every certificate issued is on the medium (verified) or revoked
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT renewal_id, state, key_id, serial_hex, certificate_der FROM token_renewal WHERE case_ref = ? ORDER BY renewal_id")) {
                s.setString(1, r.caseRef());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                    }
                }
            }
            String verifiedKey = null;
            String verifiedCert = null;
            for (String[] a : rows) {
                if ("VERIFIED".equals(a[1])) {
                    writes++;
                    if (verifiedKey != null) {
                        doubled++;
                        problems.add("case " + r.caseRef() + " has two certificates verified on its medium");
                    }
                    verifiedKey = a[2].toLowerCase();
                    verifiedCert = a[4];
                } else if (a[3] != null && !"REVOKED".equals(a[1])) {
                    halfWritten++;
                    problems.add("certificate " + a[3] + " of " + a[0] + " was issued and is " + a[1] + ": neither on the medium nor revoked");
                }
            }
            if (rows.isEmpty()) {
                continue;   // no write started: nothing on the token to look at
            }
            CustomerTokens tokens = tokensOf.get(r.counter());
            Set<String> strayKeys = new LinkedHashSet<>();
            boolean priv = false;
            boolean pub = false;
            boolean cert = false;
            for (CustomerTokens.TokenObject o : tokens.objects(r.label())) {
                boolean ours = o.id().equals(verifiedKey);
                switch (o.kind()) {
                    case "PRIVATE_KEY" -> priv |= ours;
                    case "PUBLIC_KEY" -> pub |= ours;
                    case "CERTIFICATE" -> cert |= ours;
                    default -> { }
                }
                if (!ours && !"ecert-ca".equals(o.label())) {
                    strayKeys.add(o.kind() + " " + o.id());
                }
            }
            if (!strayKeys.isEmpty()) {
                orphans += strayKeys.size();
                problems.add("token " + r.label() + " of " + r.caseRef() + " holds objects of no verified attempt: " + strayKeys);
            }
            if (verifiedKey != null) {
                byte[] onToken = tokens.certificate(r.label(), verifiedKey).orElse(new byte[0]);
                if (!priv || !pub || !cert || !Arrays.equals(onToken, Base64.getDecoder().decode(verifiedCert.replaceAll("\\s", "")))) {
                    halfWritten++;
                    problems.add("token " + r.label() + " of " + r.caseRef() + ": the verified attempt's key pair or certificate is missing or"
                            + " differs (private " + priv + ", public " + pub + ", certificate " + cert + ")");
                }
            }
        }
        return new Findings(lost, doubled, orphans, halfWritten, completed, unfinished, attempts, writes);
    }

    private static String one(Connection c, String sql, String arg) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
