package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.notice.Notice;
import hk.post.ecert.counter.domain.model.notice.NoticeKind;
import hk.post.ecert.counter.domain.model.notice.NoticeOutbox;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The notice outbox over JDBC, inside the caller's JTA transaction. */
@ApplicationScoped
public class JdbcNoticeOutbox implements NoticeOutbox {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private Rows rows() {
        return Rows.of(dataSource);
    }

    private static final String COLUMNS = "notice_id, kind, event_key, recipient, subject, text_body, html_body, attachment_name,"
            + " attachment_type, attachment, case_ref, state, attempts, created_at, next_attempt_at, sent_at, last_error";

    @Override
    public boolean add(Notice n, Instant now) {
        if (find(n.id()).isPresent()) {
            return false;
        }
        rows().update("INSERT INTO notice_outbox (notice_id, kind, event_key, recipient, subject, text_body, html_body, attachment_name,"
                        + " attachment_type, attachment, case_ref, state, attempts, created_at, next_attempt_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                n.id(), n.kind().name(), n.eventKey(), n.recipient(), n.subject(), n.text(), n.html(),
                n.attachment().map(Notice.Attachment::fileName).orElse(null), n.attachment().map(Notice.Attachment::contentType).orElse(null),
                n.attachment().map(Notice.Attachment::content).orElse(null), n.caseRef(), State.PENDING.name(), 0, now, now);
        return true;
    }

    @Override
    public List<String> due(Instant now, int max) {
        return rows().list("SELECT notice_id FROM notice_outbox WHERE (state = 'PENDING' AND next_attempt_at <= ?)"
                + " OR (state = 'SENDING' AND claimed_until < ?) ORDER BY next_attempt_at", rs -> rs.getString(1), now, now)
                .stream().limit(max).toList();
    }

    @Override
    public boolean claim(String id, String instance, Instant now, Instant until) {
        return rows().update("UPDATE notice_outbox SET state = 'SENDING', claimed_by = ?, claimed_until = ?"
                + " WHERE notice_id = ? AND ((state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?))",
                instance, until, id, now, now) == 1;
    }

    @Override
    public Optional<Entry> find(String id) {
        return rows().one("SELECT " + COLUMNS + " FROM notice_outbox WHERE notice_id = ?", JdbcNoticeOutbox::entry, id);
    }

    @Override
    public void sent(String id, String instance, Instant at) {
        rows().update("UPDATE notice_outbox SET state = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,"
                + " last_error = NULL WHERE notice_id = ? AND state = 'SENDING' AND claimed_by = ?", at, id, instance);
    }

    @Override
    public void failed(String id, String instance, String serverAnswer, Optional<Instant> retryAt) {
        String answer = serverAnswer == null ? "" : serverAnswer.length() > 1000 ? serverAnswer.substring(0, 1000) : serverAnswer;
        if (retryAt.isPresent()) {
            rows().update("UPDATE notice_outbox SET state = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL,"
                    + " last_error = ? WHERE notice_id = ? AND state = 'SENDING' AND claimed_by = ?", retryAt.get(), answer, id, instance);
        } else {
            rows().update("UPDATE notice_outbox SET state = 'FAILED', attempts = attempts + 1, claimed_until = NULL, last_error = ?"
                    + " WHERE notice_id = ? AND state = 'SENDING' AND claimed_by = ?", answer, id, instance);
        }
    }

    @Override
    public List<Entry> undelivered(int max) {
        return rows().list("SELECT " + COLUMNS + " FROM notice_outbox WHERE state = 'FAILED' ORDER BY created_at DESC",
                JdbcNoticeOutbox::entry).stream().limit(max).toList();
    }

    @Override
    public List<Entry> to(String recipient) {
        return rows().list("SELECT " + COLUMNS + " FROM notice_outbox WHERE recipient = ? ORDER BY created_at DESC",
                JdbcNoticeOutbox::entry, recipient.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Optional<Notice.Attachment> attachment = rs.getString("attachment_name") == null ? Optional.empty()
                : Optional.of(new Notice.Attachment(rs.getString("attachment_name"), rs.getString("attachment_type"), rs.getString("attachment")));
        Notice n = new Notice(NoticeKind.valueOf(rs.getString("kind")), rs.getString("event_key"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"), attachment, rs.getString("case_ref"));
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Entry(rs.getString("notice_id"), n, State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                Optional.ofNullable(sent).map(Timestamp::toInstant), Optional.ofNullable(rs.getString("last_error")));
    }
}
