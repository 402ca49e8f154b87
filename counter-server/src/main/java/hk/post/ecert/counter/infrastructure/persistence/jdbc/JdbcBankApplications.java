package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.bankcert.ArAuthentication;
import hk.post.ecert.counter.domain.model.bankcert.ArIdentity;
import hk.post.ecert.counter.domain.model.bankcert.BankApplication;
import hk.post.ecert.counter.domain.model.bankcert.BankApplications;
import hk.post.ecert.counter.domain.model.bankcert.RevocationRequest;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Bank-Cert (Bank) applications over JDBC, inside the caller's JTA transaction (an application is locked FOR UPDATE). */
@ApplicationScoped
public class JdbcBankApplications implements BankApplications {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private Rows rows() {
        return Rows.of(dataSource);
    }

    private CaseEvents events() {
        return new CaseEvents(dataSource, "bank_application_event", "app_ref");
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public void add(BankApplication a, String receivedBy, Instant at) {
        BankApplication.Sections x = a.sections();
        rows().update("INSERT INTO bank_application (app_ref, bank_code, app_type, channel, ar_name, ar_title, ar_phone, ar_email,"
                        + " unit_name, cert_email, new_years, renew_serial, renew_years, new_ar_authorisation, ar_doc_type,"
                        + " ar_id_masked, ar_id_digest, received_by, received_at, state, auth_id, version)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                a.ref(), a.bankCode(), a.type().name(), a.channel().name(), x.arName().trim().toUpperCase(Locale.ROOT),
                x.arTitle().trim(), trim(x.arPhone()), trim(x.arEmail()), trim(x.unitName()), trim(x.certEmail()), x.newYears(),
                x.renewSerial() == null || x.renewSerial().isBlank() ? null
                        : x.renewSerial().trim().toLowerCase(Locale.ROOT).replaceFirst("^0x", ""),
                x.renewYears(), trim(x.newArAuthorisation()), a.arDocument().name(), a.arIdMasked(), a.arIdDigest(), receivedBy,
                at, a.state().name(), a.authId());
    }

    private static BankApplication application(ResultSet rs) throws SQLException {
        BankApplication.Sections x = new BankApplication.Sections(rs.getString("ar_name"), rs.getString("ar_title"),
                rs.getString("ar_phone"), rs.getString("ar_email"), rs.getString("unit_name"), rs.getString("cert_email"),
                Rows.intOrNull(rs, "new_years"), rs.getString("renew_serial"), Rows.intOrNull(rs, "renew_years"),
                rs.getString("new_ar_authorisation"));
        return new BankApplication(rs.getString("app_ref"), rs.getString("bank_code"),
                BankApplicationType.valueOf(rs.getString("app_type")), BankApplication.Channel.valueOf(rs.getString("channel")),
                x, ArIdentity.DocumentType.valueOf(rs.getString("ar_doc_type")), rs.getString("ar_id_masked"),
                rs.getString("ar_id_digest"), rs.getString("received_by"), BankApplication.State.valueOf(rs.getString("state")),
                rs.getString("auth_id"), rs.getString("payment_id"), rs.getString("vetted_by"), rs.getString("note"),
                rs.getString("new_serial"), rs.getString("renewed_serial"), rs.getString("article_no"), rs.getLong("version"));
    }

    @Override
    public Optional<BankApplication> lock(String ref) {
        return rows().one("SELECT * FROM bank_application WHERE app_ref = ? FOR UPDATE", JdbcBankApplications::application, ref);
    }

    @Override
    public void save(BankApplication a) {
        rows().update("UPDATE bank_application SET state = ?, auth_id = ?, payment_id = ?, vetted_by = ?, note = ?, new_serial = ?,"
                        + " renewed_serial = ?, article_no = ?, version = version + 1 WHERE app_ref = ?",
                a.state().name(), a.authId(), a.paymentId(), a.vettedBy(), a.note(), a.newSerial(), a.renewedSerial(),
                a.articleNo(), a.ref());
    }

    @Override
    public List<String> refsOfBank(String bankCode) {
        return rows().list("SELECT app_ref FROM bank_application WHERE bank_code = ? ORDER BY received_at DESC",
                rs -> rs.getString(1), bankCode);
    }

    @Override
    public List<String> refsIn(BankApplication.State state) {
        return rows().list("SELECT app_ref FROM bank_application WHERE state = ? ORDER BY received_at", rs -> rs.getString(1),
                state.name());
    }

    @Override
    public String[] certificatePems(String ref) {
        return rows().one("SELECT new_cert_pem, renewed_cert_pem FROM bank_application WHERE app_ref = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, ref).orElse(new String[2]);
    }

    @Override
    public void setCertificatePems(String ref, String newPem, String renewedPem) {
        rows().update("UPDATE bank_application SET new_cert_pem = ?, renewed_cert_pem = ? WHERE app_ref = ?", newPem, renewedPem, ref);
    }

    @Override
    public List<ArAuthentication> arHistory(String bankCode) {
        return rows().list("SELECT * FROM bank_ar_authentication WHERE bank_code = ? ORDER BY authenticated_at",
                rs -> new ArAuthentication(rs.getString("auth_id"), rs.getString("bank_code"), rs.getString("ar_name"),
                        ArIdentity.DocumentType.valueOf(rs.getString("doc_type")), rs.getString("id_masked"),
                        rs.getString("id_digest"), rs.getString("officer"), rs.getTimestamp("authenticated_at").toInstant(),
                        rs.getString("application_ref")), bankCode);
    }

    @Override
    public void addArAuthentication(ArAuthentication a) {
        rows().update("INSERT INTO bank_ar_authentication (auth_id, bank_code, ar_name, doc_type, id_masked, id_digest, officer,"
                        + " authenticated_at, application_ref) VALUES (?,?,?,?,?,?,?,?,?)",
                a.authId(), a.bankCode(), a.arName(), a.documentType().name(), a.idMasked(), a.idDigest(), a.officer(), a.at(),
                a.applicationRef());
    }

    @Override
    public void addRevocation(RevocationRequest r, Instant at) {
        rows().update("INSERT INTO bank_revocation_request (request_ref, bank_code, serial_hex, ar_name, notice_received,"
                        + " revoke_on, reason, recorded_by, recorded_at, state, version) VALUES (?,?,?,?,?,?,?,?,?,?,0)",
                r.requestRef(), r.bankCode(), r.serialHex(), r.arName(), r.noticeReceived(), r.revokeOn(), r.reason(),
                r.recordedBy(), at, r.state().name());
    }

    @Override
    public boolean decideRevocation(RevocationRequest r) {
        return rows().update("UPDATE bank_revocation_request SET state = ?, confirmed_by = ?, version = version + 1"
                + " WHERE request_ref = ? AND state = 'REQUESTED'", r.state().name(), r.confirmedBy(), r.requestRef()) == 1;
    }

    private static RevocationRequest revocation(ResultSet rs) throws SQLException {
        return new RevocationRequest(rs.getString("request_ref"), rs.getString("bank_code"), rs.getString("serial_hex"),
                rs.getString("ar_name"), rs.getDate("notice_received").toLocalDate(), rs.getDate("revoke_on").toLocalDate(),
                rs.getString("reason"), rs.getString("recorded_by"), RevocationRequest.State.valueOf(rs.getString("state")),
                rs.getString("confirmed_by"));
    }

    @Override
    public Optional<RevocationRequest> revocation(String requestRef) {
        return rows().one("SELECT * FROM bank_revocation_request WHERE request_ref = ? ORDER BY recorded_at",
                JdbcBankApplications::revocation, requestRef);
    }

    @Override
    public List<RevocationRequest> revocations(String bankCode) {
        return rows().list("SELECT * FROM bank_revocation_request WHERE bank_code = ? ORDER BY recorded_at",
                JdbcBankApplications::revocation, bankCode);
    }

    @Override
    public void event(String ref, String actor, String what) {
        events().record(ref, actor, what);
    }

    @Override
    public List<String> history(String ref) {
        return events().history(ref);
    }
}
