package hk.post.ecert.counter.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The files for the media posted by registered mail (PKCS#12, encrypted under the PIN of the PIN envelope): kept
 * for the counter that writes the medium; every download recorded.
 */
@ApplicationScoped
public class DispatchMedia {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Transactional
    public void keep(String ref, OnBehalfIssuance.Medium medium) {
        Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dispatch_medium (ref, serial_hex, p12_b64, created_at) VALUES (?,?,?,?)")) {
                s.setString(1, ref);
                s.setString(2, medium.issued().serialHex());
                s.setString(3, Base64.getEncoder().encodeToString(medium.pkcs12()));
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                return s.executeUpdate();
            }
        });
    }

    public boolean exists(String ref) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM dispatch_medium WHERE ref = ?")) {
                s.setString(1, ref);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The medium's file, recording who took it and when. */
    @Transactional
    public Optional<byte[]> download(String ref, String who) {
        Optional<byte[]> file = Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT p12_b64 FROM dispatch_medium WHERE ref = ?")) {
                s.setString(1, ref);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.<byte[]>empty();
                }
            }
        });
        if (file.isPresent()) {
            Sql.run(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE dispatch_medium SET downloaded_by = ?, downloaded_at = ? WHERE ref = ?")) {
                    s.setString(1, who);
                    s.setTimestamp(2, Timestamp.from(Instant.now()));
                    s.setString(3, ref);
                    return s.executeUpdate();
                }
            });
        }
        return file;
    }
}
