package hk.post.ecert.counter.application.registry;

import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.pos.TillBook;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.identity.InvalidHkidException;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.infrastructure.registry.LookupDigest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The subscriber registry: lookups by Subscriber Reference Number, certificate serial, HKID (Personal) or Business
 * Registration number (organisational), each recorded with who, when and why; e-Cert (Personal) subscription
 * extensions paid at the till; and the daily suspension of Personal certificates whose subscription lapsed.
 */
@ApplicationScoped
public class SubscriberRegistry {

    private static final Logger LOG = Logger.getLogger(SubscriberRegistry.class.getName());

    /** How a clerk looks a subscriber up. */
    public enum LookupBy { SRN, SERIAL, HKID, BR }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    LookupDigest digest;

    @Inject
    PointOfSale pos;

    @Inject
    Triage triage;

    @Inject
    CounterJournal journal;

    @Inject
    CertificateAuthority ca;

    private <T> T db(hk.post.ecert.counter.application.Sql.Work<T> w) {
        return hk.post.ecert.counter.application.Sql.run(dataSource, w);
    }

    public LocalDate today() {
        return pos.today();
    }

    /**
     * Finds certificates and records the lookup (who, when, how, why, how many). A lookup needs a reason; an HKID
     * must pass its check digit; the audit keeps only the masked value.
     */
    @Transactional
    public List<SubscriberCertificate> lookup(LookupBy by, String value, String reason, String who) {
        if (reason == null || reason.isBlank()) {
            throw new RegistryRefusal(new Bilingual("Say why you are looking this subscriber up.", "請說明查閱此登記人的原因。"));
        }
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        String column;
        String key;
        String shown;
        switch (by) {
            case HKID -> {
                Hkid h;
                try {
                    h = Hkid.parse(v);
                } catch (InvalidHkidException e) {
                    throw new RegistryRefusal(new Bilingual(e.getMessage(), "香港身份證號碼無效（請核對檢查碼）。"));
                }
                column = "hkid_digest";
                key = digest.of(h.full());
                shown = h.masked();
            }
            case SERIAL -> {
                column = "serial_hex";
                // serials are kept as the CA wrote them: lower-case hex without leading zeros
                key = v.replaceFirst("^0X", "").replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
                shown = key;
            }
            case BR -> {
                column = "br_number";
                key = v;
                shown = v;
            }
            default -> {
                column = "srn";
                key = v;
                shown = v;
            }
        }
        List<SubscriberCertificate> found = db(c -> query(c, "SELECT * FROM subscriber_certificate WHERE " + column
                + " = ? ORDER BY valid_to DESC", key));
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO lookup_audit (looked_up_by, looked_up_at, lookup_kind,"
                    + " lookup_value, reason, results) VALUES (?,?,?,?,?,?)")) {
                s.setString(1, who);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setString(3, by.name());
                s.setString(4, shown.length() > 64 ? shown.substring(0, 64) : shown);
                s.setString(5, reason.trim().length() > 256 ? reason.trim().substring(0, 256) : reason.trim());
                s.setInt(6, found.size());
                return s.executeUpdate();
            }
        });
        return found;
    }

    @Transactional
    public Optional<SubscriberCertificate> bySerial(String serialHex) {
        List<SubscriberCertificate> l = db(c -> query(c, "SELECT * FROM subscriber_certificate WHERE serial_hex = ?", serialHex));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The last lookups, newest first (for the supervisor). */
    @Transactional
    public List<Map<String, Object>> recentLookups(int n) {
        return db(c -> {
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

    /** The catalogue's variant of this certificate. */
    public Variant variantOf(SubscriberCertificate cert) {
        return triage.catalogue().type(cert.typeCode()).variant(cert.variantCode());
    }

    /** Rule 2: how many years of subscription this certificate can be extended by today (0: none, renew instead). */
    public int extensionYears(SubscriberCertificate cert) {
        return cert.extensionYearsAvailable(variantOf(cert), today());
    }

    /** The fee of extending a Personal subscription by {@code years}, from the fee schedule in force today. */
    public Quote quoteExtension(SubscriberCertificate cert, int years) {
        Variant v = variantOf(cert);
        cert.extendedBy(v, years, today());   // what cannot be extended is refused with its reason, before any fee
        return triage.fees().quoteExtension(v, years, today());
    }

    /** What an extension paid at the till came to. */
    public record Extended(SaleOutcome sale, LocalDate oldEnd, LocalDate newEnd) {
    }

    /**
     * Takes the payment for a subscription extension and extends the subscription, in one transaction: both happen
     * or neither. The payment id is chosen by the screen; a repeat returns the first outcome and extends nothing more.
     */
    @Transactional
    public Extended payAndExtend(String paymentId, String serialHex, int years, String tillId, String clerk, List<Tender> tenders) {
        Optional<Extended> done = db(c -> extensionOf(c, paymentId));
        if (done.isPresent()) {
            return done.get();
        }
        SubscriberCertificate cert = bySerial(serialHex).orElseThrow(() -> new RegistryRefusal(
                new Bilingual("No certificate " + serialHex + ".", "沒有證書 " + serialHex + "。")));
        LocalDate newEnd = cert.extendedBy(variantOf(cert), years, today());
        Quote q = quoteExtension(cert, years);
        if (!q.isSet()) {
            throw new RegistryRefusal(new Bilingual("The extension fee is not set.", "延長登記期的費用未設定。"));
        }
        String caseRef = "EXT-" + serialHex.substring(0, Math.min(12, serialHex.length())).toUpperCase(Locale.ROOT);
        // the receipt says what was bought: the subscription's new end date is on the line
        List<SaleLine> lines = q.lines().stream().map(l -> new SaleLine(caseRef, l.item().code(), new Bilingual(
                l.item().name().en() + " (" + cert.srn() + "), subscription to " + newEnd,
                l.item().name().zh() + "（" + cert.srn() + "），登記期至 " + newEnd),
                cert.typeCode(), l.quantity(), l.amount())).toList();
        SaleOutcome sale = pos.pay(paymentId, tillId, clerk, lines, tenders);
        LocalDate oldEnd = cert.subscriptionEnd();
        db(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE subscriber_certificate SET subscription_end = ?, version = version + 1"
                    + " WHERE serial_hex = ? AND subscription_end = ? AND status = 'ACTIVE'")) {
                u.setDate(1, Date.valueOf(newEnd));
                u.setString(2, serialHex);
                u.setDate(3, Date.valueOf(oldEnd));
                if (u.executeUpdate() != 1) {
                    throw new RegistryRefusal(new Bilingual("The subscription changed meanwhile: look the certificate up again.",
                            "登記期剛被更改：請重新查閱證書。"));
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO subscription_extension (payment_id, serial_hex, years, old_end,"
                    + " new_end, extended_by, extended_at) VALUES (?,?,?,?,?,?,?)")) {
                s.setString(1, paymentId);
                s.setString(2, serialHex);
                s.setInt(3, years);
                s.setDate(4, Date.valueOf(oldEnd));
                s.setDate(5, Date.valueOf(newEnd));
                s.setString(6, clerk);
                s.setTimestamp(7, Timestamp.from(Instant.now()));
                return s.executeUpdate();
            }
        });
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serialHex);
        event.put("srn", cert.srn());
        event.put("years", years);
        event.put("from", oldEnd.toString());
        event.put("to", newEnd.toString());
        event.put("payment", paymentId);
        journal.record(clerk, "SUBSCRIPTION_EXTENDED", event);
        return new Extended(sale, oldEnd, newEnd);
    }

    private Optional<Extended> extensionOf(Connection c, String paymentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT old_end, new_end FROM subscription_extension WHERE payment_id = ?")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LocalDate oldEnd = rs.getDate(1).toLocalDate();
                LocalDate newEnd = rs.getDate(2).toLocalDate();
                return pos.saleByPayment(paymentId).map(sale -> new Extended(sale, oldEnd, newEnd));
            }
        }
    }

    /**
     * Rule 2's consequence, run daily: a Personal certificate whose subscription lapsed is suspended — put on hold
     * at the CA, so it appears on the CRL — and journalled.
     *
     * @return how many were suspended
     */
    @Transactional
    public int suspendLapsed(LocalDate today, String by) {
        List<SubscriberCertificate> lapsed = db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM subscriber_certificate WHERE type_code = 'PERSONAL'"
                    + " AND status = 'ACTIVE' AND subscription_end < ? AND valid_to >= ?")) {
                s.setDate(1, Date.valueOf(today));
                s.setDate(2, Date.valueOf(today));
                return rows(s);
            }
        });
        for (SubscriberCertificate cert : lapsed) {
            db(c -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE subscriber_certificate SET status = 'SUSPENDED', version = version + 1"
                        + " WHERE serial_hex = ? AND status = 'ACTIVE'")) {
                    u.setString(1, cert.serialHex());
                    return u.executeUpdate();
                }
            });
            ca.revoke(cert.serialHex(), "CERTIFICATE_HOLD");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("serial", cert.serialHex());
            event.put("srn", cert.srn());
            event.put("subscriptionEnd", cert.subscriptionEnd().toString());
            event.put("reason", "subscription lapsed");
            journal.recordAt("REGISTRY", by, "CERT_SUSPENDED", event);
            LOG.info(() -> "suspended " + cert.srn() + " (" + cert.serialHex() + "): subscription lapsed on " + cert.subscriptionEnd());
        }
        return lapsed.size();
    }

    /** An organisation's certificates by its BR number, newest first (no personal data, so no lookup audit). */
    @Transactional
    public List<SubscriberCertificate> ofOrganisation(String typeCode, String brNumber) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM subscriber_certificate WHERE type_code = ? AND br_number = ?"
                    + " ORDER BY valid_to DESC")) {
                s.setString(1, typeCode);
                s.setString(2, brNumber);
                return rows(s);
            }
        });
    }

    /** Revokes a certificate at the subscriber's request: recorded, journalled, and on the issuing CA's CRL. */
    @Transactional
    public void revoke(String serialHex, String reason, String by) {
        SubscriberCertificate cert = bySerial(serialHex).orElseThrow();
        int n = db(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE subscriber_certificate SET status = 'REVOKED', version = version + 1"
                    + " WHERE serial_hex = ? AND status <> 'REVOKED'")) {
                u.setString(1, serialHex);
                return u.executeUpdate();
            }
        });
        if (n == 0) {
            return;
        }
        ca.revoke(serialHex, "CESSATION_OF_OPERATION");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("serial", serialHex);
        event.put("srn", cert.srn());
        event.put("reason", reason);
        journal.recordAt("REGISTRY", by, "CERT_REVOKED", event);
        LOG.info(() -> "revoked " + cert.srn() + " (" + serialHex + ") at the subscriber's request");
    }

    /** Rule 8: whether the HKID the clerk read off the card is the one the certificate was issued to. */
    @Transactional
    public boolean hkidMatches(String serialHex, Hkid hkid) {
        String want = digest.of(hkid.full());
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hkid_digest FROM subscriber_certificate WHERE serial_hex = ?")) {
                s.setString(1, serialHex);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && want.equals(rs.getString(1));
                }
            }
        });
    }

    /** The HKID digest of a certificate (carried to its renewal without ever holding the number). */
    @Transactional
    public Optional<String> hkidDigest(String serialHex) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hkid_digest, hkid_masked FROM subscriber_certificate WHERE serial_hex = ?")) {
                s.setString(1, serialHex);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Records a Personal subscriber's date of birth (as a keyed digest). */
    @Transactional
    public void recordDateOfBirth(String serialHex, LocalDate dateOfBirth) {
        db(conn -> {
            try (PreparedStatement u = conn.prepareStatement("UPDATE subscriber_certificate SET dob_digest = ? WHERE serial_hex = ?")) {
                u.setString(1, digest.of("DOB:" + dateOfBirth));
                u.setString(2, serialHex);
                return u.executeUpdate();
            }
        });
    }

    /**
     * Rule 8: whether the date of birth read off the card is the certificate holder's. Empty when the registry has
     * none on record (a certificate registered before dates of birth were kept).
     */
    @Transactional
    public Optional<Boolean> dateOfBirthMatches(String serialHex, LocalDate dateOfBirth) {
        String want = digest.of("DOB:" + dateOfBirth);
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT dob_digest FROM subscriber_certificate WHERE serial_hex = ?")) {
                s.setString(1, serialHex);
                try (ResultSet rs = s.executeQuery()) {
                    String have = rs.next() ? rs.getString(1) : null;
                    return have == null ? Optional.<Boolean>empty() : Optional.of(want.equals(have));
                }
            }
        });
    }

    /** Registers a renewed certificate with the identity digests of the one it renews. */
    @Transactional
    public void registerRenewal(SubscriberCertificate c, String renewedSerial) {
        register(c, Optional.empty());
        db(conn -> {
            try (PreparedStatement u = conn.prepareStatement("UPDATE subscriber_certificate SET hkid_digest = (SELECT hkid_digest FROM"
                    + " subscriber_certificate WHERE serial_hex = ?), dob_digest = (SELECT dob_digest FROM subscriber_certificate"
                    + " WHERE serial_hex = ?) WHERE serial_hex = ?")) {
                u.setString(1, renewedSerial);
                u.setString(2, renewedSerial);
                u.setString(3, c.serialHex());
                return u.executeUpdate();
            }
        });
    }

    /** Adds a certificate to the registry (issuance and the demo data). */
    @Transactional
    public void register(SubscriberCertificate c, Optional<Hkid> hkid) {
        db(conn -> {
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO subscriber_certificate (serial_hex, srn, type_code,"
                    + " variant_code, issuing_ca, subject_name, hkid_digest, hkid_masked, br_number, valid_from, valid_to,"
                    + " subscription_end, status, medium, ar_name, aeoi, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
                s.setString(1, c.serialHex());
                s.setString(2, c.srn());
                s.setString(3, c.typeCode());
                s.setString(4, c.variantCode());
                s.setString(5, c.issuingCa());
                s.setString(6, c.subjectName());
                s.setString(7, hkid.map(h -> digest.of(h.full())).orElse(null));
                s.setString(8, hkid.map(Hkid::masked).orElse(null));
                s.setString(9, c.brNumber());
                s.setDate(10, Date.valueOf(c.validFrom()));
                s.setDate(11, Date.valueOf(c.validTo()));
                s.setDate(12, c.subscriptionEnd() == null ? null : Date.valueOf(c.subscriptionEnd()));
                s.setString(13, c.recordedStatus().name());
                s.setString(14, c.medium());
                s.setString(15, c.arName());
                s.setBoolean(16, c.aeoi());
                return s.executeUpdate();
            }
        });
    }

    @Transactional
    public long count() {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM subscriber_certificate"); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<SubscriberCertificate> query(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            return rows(s);
        }
    }

    private static List<SubscriberCertificate> rows(PreparedStatement s) throws SQLException {
        List<SubscriberCertificate> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Date sub = rs.getDate("subscription_end");
                out.add(new SubscriberCertificate(rs.getString("serial_hex"), rs.getString("srn"), rs.getString("type_code"),
                        rs.getString("variant_code"), rs.getString("issuing_ca"), rs.getString("subject_name"),
                        rs.getString("hkid_masked"), rs.getString("br_number"), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to").toLocalDate(), sub == null ? null : sub.toLocalDate(),
                        CertificateStatus.valueOf(rs.getString("status")), rs.getString("medium"), rs.getString("ar_name"),
                        rs.getBoolean("aeoi")));
            }
        }
        return out;
    }
}
