package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.vetting.WaitingCase;

import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcRenewalCaseRepository implements RenewalCaseRepository {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public void add(RenewalCase k) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO renewal_case (case_ref, serial_hex, type_code, variant_code,"
                    + " years, ar_changed, approved_names, delivery, opened_by, opened_at, state, medium_profile, additional_servers,"
                    + " kind, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
                s.setString(1, k.caseRef());
                s.setString(2, k.serialHex());
                s.setString(3, k.typeCode());
                s.setString(4, k.variantCode());
                s.setInt(5, k.years());
                s.setBoolean(6, k.arChanged());
                s.setString(7, String.join(",", k.approvedNames()));
                s.setString(8, k.delivery().name());
                s.setString(9, k.openedBy());
                s.setTimestamp(10, Timestamp.from(Instant.now()));
                s.setString(11, k.state().name());
                s.setString(12, k.mediumProfile());
                s.setInt(13, k.additionalServers());
                s.setString(14, k.kind().name());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void save(RenewalCase k) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE renewal_case SET state = ?, identity_by = ?, payment_id = ?,"
                    + " vetted_by = ?, vetting_note = ?, new_serial_hex = ?, pin_envelope_no = ?, medium_article_no = ?,"
                    + " pin_article_no = ?, paid_by = ?, submitted_by = ?, customer_language = ?, version = version + 1 WHERE case_ref = ?")) {
                s.setString(1, k.state().name());
                s.setString(2, k.identityConfirmedBy());
                s.setString(3, k.paymentId());
                s.setString(4, k.vettedBy());
                s.setString(5, k.vettingNote());
                s.setString(6, k.newSerialHex());
                s.setString(7, k.pinEnvelopeNo());
                s.setString(8, k.mediumArticleNo());
                s.setString(9, k.pinArticleNo());
                s.setString(10, k.paidBy());
                s.setString(11, k.submittedBy());
                s.setString(12, k.customerLanguage().map(Enum::name).orElse(null));
                s.setString(13, k.caseRef());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<RenewalCase> lock(String caseRef) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM renewal_case WHERE case_ref = ? FOR UPDATE")) {
                s.setString(1, caseRef);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String names = rs.getString("approved_names");
                    RenewalCase k = new RenewalCase(rs.getString("case_ref"), rs.getString("serial_hex"), rs.getString("type_code"),
                            rs.getString("variant_code"), rs.getInt("years"), rs.getBoolean("ar_changed"),
                            names == null || names.isBlank() ? List.of() : List.of(names.split(",")),
                            RenewalCase.Delivery.valueOf(rs.getString("delivery")), rs.getString("opened_by"),
                            rs.getString("medium_profile"), RenewalCase.State.valueOf(rs.getString("state")),
                            rs.getString("identity_by"), rs.getString("payment_id"), rs.getString("paid_by"),
                            rs.getString("submitted_by"), rs.getString("vetted_by"), rs.getString("vetting_note"),
                            rs.getString("new_serial_hex"), rs.getString("pin_envelope_no"), rs.getString("medium_article_no"),
                            rs.getString("pin_article_no"), rs.getInt("additional_servers"),
                            RenewalCase.Kind.valueOf(rs.getString("kind")));
                    if (rs.getString("customer_language") != null) {
                        k.customerReads(ReceiptLanguage.valueOf(rs.getString("customer_language")));
                    }
                    return Optional.of(k);
                }
            }
        });
    }

    @Override
    public boolean renewedFrom(String serialHex) {
        return Rows.of(dataSource).one("SELECT case_ref FROM renewal_case WHERE serial_hex = ? AND new_serial_hex IS NOT NULL",
                rs -> rs.getString(1), serialHex).isPresent();
    }

    @Override
    public Optional<List<String>> approvedNamesOfIssued(String serialHex) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT approved_names FROM renewal_case WHERE new_serial_hex = ?")) {
                s.setString(1, serialHex);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null || rs.getString(1).isBlank()) {
                        return Optional.empty();
                    }
                    return Optional.of(List.of(rs.getString(1).split(",")));
                }
            }
        });
    }

    @Override
    public List<String> rejectedButPaid() {
        return Rows.of(dataSource).list("SELECT case_ref FROM renewal_case WHERE state = 'REJECTED' AND payment_id IS NOT NULL"
                + " ORDER BY opened_at", rs -> rs.getString(1));
    }

    @Override
    public List<String> approvedForToken() {
        return Rows.of(dataSource).list("SELECT case_ref FROM renewal_case WHERE state = 'APPROVED' AND delivery = 'TOKEN_AT_COUNTER'"
                + " ORDER BY opened_at", rs -> rs.getString(1));
    }

    @Override
    public List<WaitingCase> vettingQueue() {
        // since the case was last sent for vetting (after more documents, the latest sending); its office is its opener's
        return Rows.of(dataSource).list("SELECT k.case_ref, s.office_code, COALESCE(MAX(e.at), k.opened_at) FROM renewal_case k"
                        + " LEFT JOIN staff s ON s.username = k.opened_by"
                        + " LEFT JOIN case_event e ON e.case_ref = k.case_ref AND e.what LIKE 'sent for vetting%'"
                        + " WHERE k.state = 'VETTING' GROUP BY k.case_ref, s.office_code, k.opened_at",
                rs -> new WaitingCase(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
    }

    @Override
    public List<Awaited> awaitingCustomer(String office) {
        return Rows.of(dataSource).list("SELECT k.case_ref, k.state, k.delivery FROM renewal_case k JOIN staff s ON s.username = k.opened_by"
                        + " WHERE s.office_code = ? AND ((k.state = 'APPROVED' AND k.delivery IN ('CSR', 'TOKEN_AT_COUNTER'))"
                        + " OR (k.state = 'ISSUED' AND k.delivery = 'DISPATCH')) ORDER BY k.opened_at",
                rs -> new Awaited(rs.getString(1), RenewalCase.State.valueOf(rs.getString(2)), RenewalCase.Delivery.valueOf(rs.getString(3))),
                office);
    }

    @Override
    public List<String> waitingForVetting() {
        return Sql.run(dataSource, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT case_ref FROM renewal_case WHERE state = 'VETTING' ORDER BY opened_at")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void event(String caseRef, String actor, String what) {
        new CaseEvents(dataSource, "case_event", "case_ref").record(caseRef, actor, what);
    }

    @Override
    public List<String> history(String caseRef) {
        return new CaseEvents(dataSource, "case_event", "case_ref").history(caseRef);
    }
}
