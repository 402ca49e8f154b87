package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;
import hk.post.ecert.counter.domain.model.issuance.DispatchMediumStore;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcDispatchMediumStore implements DispatchMediumStore {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public void keep(String ref, String serialHex, byte[] pkcs12, Instant at) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dispatch_medium (ref, serial_hex, p12_b64, created_at) VALUES (?,?,?,?)")) {
                s.setString(1, ref);
                s.setString(2, serialHex);
                s.setString(3, Base64.getEncoder().encodeToString(pkcs12));
                s.setTimestamp(4, Timestamp.from(at));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<byte[]> file(String ref, Instant notBefore) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT p12_b64 FROM dispatch_medium WHERE ref = ? AND deleted_at IS NULL"
                    + " AND p12_b64 IS NOT NULL AND created_at >= ?")) {
                s.setString(1, ref);
                s.setTimestamp(2, Timestamp.from(notBefore));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public boolean exists(String ref) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM dispatch_medium WHERE ref = ? AND deleted_at IS NULL")) {
                s.setString(1, ref);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public void recordDownload(String ref, String username, String office, String counter, String source, Instant at) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dispatch_medium_download (ref, at, username, office, counter, source)"
                    + " VALUES (?,?,?,?,?,?)")) {
                s.setString(1, ref);
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, username);
                s.setString(4, office);
                s.setString(5, counter);
                s.setString(6, source);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int delete(String ref, String why, Instant at) {
        return deleteWhere("ref = ?", ref, why, at);
    }

    @Override
    public int deleteMadeBefore(Instant cutoff, String why, Instant at) {
        return deleteWhere("created_at < ?", Timestamp.from(cutoff), why, at);
    }

    /** Empties the files that match (the rows stay, saying when and why). */
    private int deleteWhere(String condition, Object value, String why, Instant at) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dispatch_medium SET p12_b64 = NULL, deleted_at = ?, deleted_why = ?"
                    + " WHERE " + condition + " AND deleted_at IS NULL")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, why);
                s.setObject(3, value);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<String> downloads(String ref) {
        return Sql.run(dataSource, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, username, office, counter, source FROM dispatch_medium_download"
                    + " WHERE ref = ? ORDER BY event_id")) {
                s.setString(1, ref);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getTimestamp(1).toInstant() + " " + rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4)
                                + " " + rs.getString(5));
                    }
                }
            }
            return out;
        });
    }
}
