package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificates;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subscriber registry over JDBC, inside the caller's JTA transaction. */
@ApplicationScoped
public class JdbcSubscriberCertificates implements SubscriberCertificates {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private Rows rows() {
        return Rows.of(dataSource);
    }

    private static SubscriberCertificate certificate(ResultSet rs) throws SQLException {
        Date sub = rs.getDate("subscription_end");
        return new SubscriberCertificate(rs.getString("serial_hex"), rs.getString("srn"), rs.getString("type_code"),
                rs.getString("variant_code"), rs.getString("issuing_ca"), rs.getString("subject_name"),
                rs.getString("hkid_masked"), rs.getString("br_number"), rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to").toLocalDate(), sub == null ? null : sub.toLocalDate(),
                CertificateStatus.valueOf(rs.getString("status")), rs.getString("medium"), rs.getString("ar_name"),
                rs.getBoolean("aeoi"));
    }

    @Override
    public List<SubscriberCertificate> find(Key key, String value) {
        String column = switch (key) {
            case SRN -> "srn";
            case SERIAL -> "serial_hex";
            case HKID_DIGEST -> "hkid_digest";
            case BR -> "br_number";
        };
        return rows().list("SELECT * FROM subscriber_certificate WHERE " + column + " = ? ORDER BY valid_to DESC",
                JdbcSubscriberCertificates::certificate, value);
    }

    @Override
    public Optional<SubscriberCertificate> bySerial(String serialHex) {
        return rows().one("SELECT * FROM subscriber_certificate WHERE serial_hex = ?", JdbcSubscriberCertificates::certificate, serialHex);
    }

    @Override
    public List<SubscriberCertificate> ofOrganisation(String typeCode, String brNumber) {
        return rows().list("SELECT * FROM subscriber_certificate WHERE type_code = ? AND br_number = ? ORDER BY valid_to DESC",
                JdbcSubscriberCertificates::certificate, typeCode, brNumber);
    }

    @Override
    public List<SubscriberCertificate> lapsedPersonal(LocalDate today) {
        return rows().list("SELECT * FROM subscriber_certificate WHERE type_code = 'PERSONAL' AND status = 'ACTIVE'"
                + " AND subscription_end < ? AND valid_to >= ?", JdbcSubscriberCertificates::certificate, today, today);
    }

    @Override
    public List<SubscriberCertificate> endingBy(LocalDate today, LocalDate until) {
        return rows().list("SELECT * FROM subscriber_certificate WHERE status = 'ACTIVE' AND valid_to >= ?"
                + " AND (valid_to <= ? OR subscription_end <= ?) ORDER BY srn", JdbcSubscriberCertificates::certificate, today, until, until);
    }

    @Override
    public void add(SubscriberCertificate c, String hkidDigest, String hkidMasked) {
        rows().update("INSERT INTO subscriber_certificate (serial_hex, srn, type_code, variant_code, issuing_ca, subject_name,"
                        + " hkid_digest, hkid_masked, br_number, valid_from, valid_to, subscription_end, status, medium, ar_name,"
                        + " aeoi, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                c.serialHex(), c.srn(), c.typeCode(), c.variantCode(), c.issuingCa(), c.subjectName(), hkidDigest, hkidMasked,
                c.brNumber(), c.validFrom(), c.validTo(), c.subscriptionEnd(), c.recordedStatus().name(), c.medium(),
                c.arName(), c.aeoi());
    }

    @Override
    public long count() {
        return rows().one("SELECT COUNT(*) FROM subscriber_certificate", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public boolean extendSubscription(String serialHex, LocalDate oldEnd, LocalDate newEnd) {
        return rows().update("UPDATE subscriber_certificate SET subscription_end = ?, version = version + 1"
                + " WHERE serial_hex = ? AND subscription_end = ? AND status = 'ACTIVE'", newEnd, serialHex, oldEnd) == 1;
    }

    @Override
    public void addExtension(Extension e) {
        rows().update("INSERT INTO subscription_extension (payment_id, serial_hex, years, old_end, new_end, extended_by, extended_at)"
                + " VALUES (?,?,?,?,?,?,?)", e.paymentId(), e.serialHex(), e.years(), e.oldEnd(), e.newEnd(), e.by(), e.at());
    }

    @Override
    public List<Extension> extensionsPaidBy(String paymentId) {
        return rows().list("SELECT payment_id, serial_hex, years, old_end, new_end, extended_by, extended_at FROM subscription_extension"
                + " WHERE payment_id = ? ORDER BY serial_hex", rs -> new Extension(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant()), paymentId);
    }

    @Override
    public boolean withdrawExtension(String serialHex, LocalDate from, LocalDate to) {
        return rows().update("UPDATE subscriber_certificate SET subscription_end = ?, version = version + 1"
                + " WHERE serial_hex = ? AND subscription_end = ?", to, serialHex, from) == 1;
    }

    @Override
    public void addExtensionReversal(String paymentId, String serialHex, String by, Instant at) {
        rows().update("INSERT INTO subscription_extension_reversal (payment_id, serial_hex, reversed_by, reversed_at)"
                + " VALUES (?,?,?,?)", paymentId, serialHex, by, at);
    }

    @Override
    public boolean extensionReversed(String paymentId, String serialHex) {
        return rows().one("SELECT payment_id FROM subscription_extension_reversal WHERE payment_id = ? AND serial_hex = ?",
                rs -> rs.getString(1), paymentId, serialHex).isPresent();
    }

    @Override
    public boolean suspendForLapse(String serialHex) {
        return rows().update("UPDATE subscriber_certificate SET status = 'SUSPENDED', suspended_for = 'SUBSCRIPTION_LAPSED',"
                + " version = version + 1 WHERE serial_hex = ? AND status IN ('ACTIVE', 'SUSPENDED') AND suspended_for IS NULL",
                serialHex) == 1;
    }

    @Override
    public boolean suspendedForLapse(String serialHex) {
        return rows().one("SELECT suspended_for FROM subscriber_certificate WHERE serial_hex = ? AND status = 'SUSPENDED'",
                rs -> rs.getString(1), serialHex).filter("SUBSCRIPTION_LAPSED"::equals).isPresent();
    }

    @Override
    public boolean reinstate(String serialHex) {
        return rows().update("UPDATE subscriber_certificate SET status = 'ACTIVE', suspended_for = NULL, version = version + 1"
                + " WHERE serial_hex = ? AND status = 'SUSPENDED' AND suspended_for = 'SUBSCRIPTION_LAPSED'", serialHex) == 1;
    }

    @Override
    public boolean approveReinstatement(ReinstatementApproval a) {
        if (reinstatementApproval(a.serialHex(), a.on()).isPresent()) {
            return false;
        }
        rows().update("INSERT INTO reinstatement_approval (serial_hex, approved_on, approved_by, clerk, reason, approved_at)"
                + " VALUES (?,?,?,?,?,?)", a.serialHex(), a.on(), a.approvedBy(), a.clerk(), a.reason(), a.at());
        return true;
    }

    @Override
    public Optional<ReinstatementApproval> reinstatementApproval(String serialHex, LocalDate on) {
        return rows().one("SELECT serial_hex, approved_on, approved_by, clerk, reason, approved_at FROM reinstatement_approval"
                + " WHERE serial_hex = ? AND approved_on = ?", rs -> new ReinstatementApproval(rs.getString(1),
                rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                serialHex, on);
    }

    @Override
    public boolean markRevoked(String serialHex) {
        return rows().update("UPDATE subscriber_certificate SET status = 'REVOKED', version = version + 1"
                + " WHERE serial_hex = ? AND status <> 'REVOKED'", serialHex) == 1;
    }

    @Override
    public Optional<String> hkidDigest(String serialHex) {
        return rows().one("SELECT hkid_digest FROM subscriber_certificate WHERE serial_hex = ?", rs -> rs.getString(1), serialHex);
    }

    @Override
    public Optional<String> dateOfBirthDigest(String serialHex) {
        return rows().one("SELECT dob_digest FROM subscriber_certificate WHERE serial_hex = ?", rs -> rs.getString(1), serialHex);
    }

    @Override
    public void setDateOfBirthDigest(String serialHex, String digest) {
        rows().update("UPDATE subscriber_certificate SET dob_digest = ? WHERE serial_hex = ?", digest, serialHex);
    }

    @Override
    public void copyIdentityDigests(String fromSerial, String toSerial) {
        rows().update("UPDATE subscriber_certificate SET hkid_digest = (SELECT hkid_digest FROM subscriber_certificate WHERE serial_hex = ?),"
                + " dob_digest = (SELECT dob_digest FROM subscriber_certificate WHERE serial_hex = ?) WHERE serial_hex = ?",
                fromSerial, fromSerial, toSerial);
    }

    @Override
    public void auditLookup(String who, java.time.Instant at, String kind, String shownValue, String reason, int results) {
        rows().update("INSERT INTO lookup_audit (looked_up_by, looked_up_at, lookup_kind, lookup_value, reason, results) VALUES (?,?,?,?,?,?)",
                who, at, kind, shownValue, reason, results);
    }

    @Override
    public List<Map<String, Object>> recentLookups(int n) {
        return Sql.run(dataSource, c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT looked_up_by, looked_up_at, lookup_kind, lookup_value, reason, results"
                    + " FROM lookup_audit ORDER BY audit_id DESC")) {
                s.setMaxRows(n);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("who", rs.getString(1));
                        m.put("at", rs.getTimestamp(2).toInstant());
                        m.put("kind", rs.getString(3));
                        m.put("value", rs.getString(4));
                        m.put("reason", rs.getString(5));
                        m.put("results", rs.getInt(6));
                        out.add(m);
                    }
                }
            }
            return out;
        });
    }
}
