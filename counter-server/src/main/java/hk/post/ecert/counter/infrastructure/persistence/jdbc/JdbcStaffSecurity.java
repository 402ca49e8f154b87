package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;
import hk.post.ecert.counter.domain.model.staff.LoginThrottle;
import hk.post.ecert.counter.domain.model.staff.Role;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity;
import hk.post.ecert.counter.domain.model.staff.StaffSecurity.Credentials;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Staff security over plain JDBC. Counting a failure is one conditional UPDATE (no read-modify-write), so
 * concurrent wrong passwords on several instances are all counted. Each call is its own statement in the caller's
 * transaction, or auto-committed when there is none (the login mechanism runs outside any transaction, so a
 * failure is recorded even though the login is refused).
 */
@ApplicationScoped
public class JdbcStaffSecurity implements StaffSecurity {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private <T> T db(Sql.Work<T> w) {
        return Sql.run(dataSource, w);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Instant t) {
                    s.setTimestamp(i + 1, Timestamp.from(t));
                } else {
                    s.setObject(i + 1, a);
                }
            }
            return s.executeUpdate();
        }
    }

    @Override
    public LoginThrottle.AccountFailures accountFailures(String username) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT failed_logins, last_failed_at, locked_at FROM staff WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return LoginThrottle.AccountFailures.NONE;
                    }
                    Timestamp last = rs.getTimestamp(2);
                    return new LoginThrottle.AccountFailures(rs.getInt(1), last == null ? null : last.toInstant(), rs.getTimestamp(3) != null);
                }
            }
        });
    }

    @Override
    public LoginThrottle.SourceFailures sourceFailures(String source) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT failures, last_failed_at FROM login_source WHERE source = ?")) {
                s.setString(1, source);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new LoginThrottle.SourceFailures(rs.getInt(1), rs.getTimestamp(2).toInstant())
                            : LoginThrottle.SourceFailures.NONE;
                }
            }
        });
    }

    @Override
    public int failed(String username, String source, Instant at) {
        return db(c -> {
            // a source quiet for long enough starts again from one
            Instant forgiven = at.minus(LoginThrottle.SOURCE_FORGIVEN_AFTER);
            if (update(c, "UPDATE login_source SET failures = CASE WHEN last_failed_at < ? THEN 1 ELSE failures + 1 END,"
                    + " last_failed_at = ? WHERE source = ?", forgiven, at, source) == 0) {
                try {
                    update(c, "INSERT INTO login_source (source, failures, last_failed_at) VALUES (?, 1, ?)", source, at);
                } catch (SQLException raced) {
                    update(c, "UPDATE login_source SET failures = failures + 1, last_failed_at = ? WHERE source = ?", at, source);
                }
            }
            if (username.isEmpty() || update(c, "UPDATE staff SET failed_logins = failed_logins + 1, last_failed_at = ? WHERE username = ?",
                    at, username) == 0) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT failed_logins FROM staff WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public void lock(String username, Instant at) {
        db(c -> update(c, "UPDATE staff SET locked_at = ? WHERE username = ? AND locked_at IS NULL", at, username));
    }

    @Override
    public void succeeded(String username) {
        db(c -> update(c, "UPDATE staff SET failed_logins = 0, last_failed_at = NULL WHERE username = ? AND failed_logins > 0", username));
    }

    @Override
    public void unlock(String username) {
        db(c -> update(c, "UPDATE staff SET locked_at = NULL, failed_logins = 0, last_failed_at = NULL WHERE username = ?", username));
    }

    @Override
    public Optional<Long> sessionStamp(String username) {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT session_stamp FROM staff WHERE username = ? AND active = true")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void setActive(String username, boolean active) {
        db(c -> update(c, "UPDATE staff SET active = ?, session_stamp = session_stamp + 1 WHERE username = ?", active, username));
    }

    @Override
    public void removeRole(String username, Role role) {
        db(c -> {
            int n = update(c, "DELETE FROM staff_role WHERE username = ? AND role = ?", username, role.name());
            update(c, "UPDATE staff SET session_stamp = session_stamp + 1 WHERE username = ?", username);
            return n;
        });
    }

    @Override
    public List<Account> accounts(Optional<String> office) {
        return db(c -> {
            Map<String, Account> out = new LinkedHashMap<>();
            String sql = "SELECT username, display_name, office_code, counter_code, active, failed_logins, locked_at FROM staff"
                    + (office.isPresent() ? " WHERE office_code = ?" : "") + " ORDER BY office_code, username";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (office.isPresent()) {
                    s.setString(1, office.get());
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBoolean(5), new TreeSet<>(), rs.getInt(6), rs.getTimestamp(7) != null));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT username, role FROM staff_role")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Account a = out.get(rs.getString(1));
                        if (a != null) {
                            a.roles().add(rs.getString(2));
                        }
                    }
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    @Override
    public void audit(String username, String event, String source, String actor, String detail) {
        db(c -> update(c, "INSERT INTO staff_audit (at, username, event, source, actor, detail) VALUES (?,?,?,?,?,?)", Instant.now(),
                username.length() > 64 ? username.substring(0, 64) : username, event, source, actor,
                detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail));
    }

    @Override
    public List<String> auditOf(String username, int max) {
        return db(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, event, source, actor, detail FROM staff_audit WHERE username = ?"
                    + " ORDER BY event_id DESC")) {
                s.setString(1, username);
                s.setMaxRows(max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getTimestamp(1).toInstant().atZone(HONG_KONG).toLocalDateTime().withNano(0) + " " + rs.getString(2)
                                + (rs.getString(3) == null ? "" : " from " + rs.getString(3))
                                + (rs.getString(4) == null ? "" : " by " + rs.getString(4))
                                + (rs.getString(5) == null ? "" : ": " + rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean anyActiveAdministrator() {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM staff s JOIN staff_role r ON r.username = s.username"
                    + " WHERE r.role = 'ADMIN' AND s.active = true")) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    @Override
    public Optional<Credentials> activeCredentials(String username) {
        return db(c -> {
            String hash;
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM staff WHERE username = ? AND active = true")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    hash = rs.getString(1);
                }
            }
            Set<String> roles = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT role FROM staff_role WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        roles.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new Credentials(hash, roles));
        });
    }

    @Override
    public void storeBootstrapCode(String codeHash, Instant at) {
        db(c -> {
            if (update(c, "UPDATE bootstrap_code SET code_hash = ?, created_at = ? WHERE purpose = 'FIRST_ADMIN' AND used_at IS NULL",
                    codeHash, at) == 0) {
                update(c, "INSERT INTO bootstrap_code (purpose, code_hash, created_at) VALUES ('FIRST_ADMIN', ?, ?)", codeHash, at);
            }
            return null;
        });
    }

    @Override
    public Optional<String> unusedBootstrapCode() {
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT code_hash FROM bootstrap_code WHERE purpose = 'FIRST_ADMIN' AND used_at IS NULL")) {
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean useBootstrapCode(String codeHash, String by, Instant at) {
        return db(c -> update(c, "UPDATE bootstrap_code SET used_at = ?, used_by = ? WHERE purpose = 'FIRST_ADMIN' AND used_at IS NULL"
                + " AND code_hash = ?", at, by, codeHash) == 1);
    }
}
