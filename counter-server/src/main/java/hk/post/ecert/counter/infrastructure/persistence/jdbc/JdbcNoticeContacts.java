package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.notice.CsrUploadLinks;
import hk.post.ecert.counter.domain.model.notice.SubscriberContacts;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Subscribers' contacts and the AR's CSR upload links over JDBC, inside the caller's JTA transaction. */
@ApplicationScoped
public class JdbcNoticeContacts implements SubscriberContacts, CsrUploadLinks {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private Rows rows() {
        return Rows.of(dataSource);
    }

    @Override
    public Optional<Contact> of(String srn) {
        return rows().one("SELECT srn, email, language FROM subscriber_contact WHERE srn = ?",
                rs -> new Contact(rs.getString(1), rs.getString(2), ReceiptLanguage.valueOf(rs.getString(3))), srn);
    }

    @Override
    public void put(Contact c) {
        if (rows().update("UPDATE subscriber_contact SET email = ?, language = ?, updated_at = ? WHERE srn = ?",
                c.email(), c.language().name(), Instant.now(), c.srn()) == 0) {
            rows().update("INSERT INTO subscriber_contact (srn, email, language, updated_at) VALUES (?,?,?,?)",
                    c.srn(), c.email(), c.language().name(), Instant.now());
        }
    }

    @Override
    public void add(String tokenHash, String caseRef, Instant createdAt, Instant expiresAt) {
        rows().update("INSERT INTO csr_upload_link (token_hash, case_ref, created_at, expires_at) VALUES (?,?,?,?)",
                tokenHash, caseRef, createdAt, expiresAt);
    }

    @Override
    public Optional<Link> find(String tokenHash) {
        return rows().one("SELECT case_ref, created_at, expires_at, used_at FROM csr_upload_link WHERE token_hash = ?",
                rs -> new Link(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant)), tokenHash);
    }

    @Override
    public boolean use(String tokenHash, Instant at) {
        return rows().update("UPDATE csr_upload_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", at, tokenHash) == 1;
    }
}
