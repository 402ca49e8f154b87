package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.Sql;
import hk.post.ecert.counter.domain.model.renewal.CaseOffices;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

@ApplicationScoped
public class JdbcCaseOffices implements CaseOffices {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public Optional<String> officeOf(String ref) {
        return Sql.run(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT s.office_code FROM renewal_case k JOIN staff s ON s.username = k.opened_by WHERE k.case_ref = ?"
                            + " UNION ALL SELECT s.office_code FROM bank_application a JOIN staff s ON s.username = a.received_by WHERE a.app_ref = ?"
                            + " UNION ALL SELECT s.office_code FROM capture_case k JOIN staff s ON s.username = k.opened_by WHERE k.case_ref = ?")) {
                s.setString(1, ref);
                s.setString(2, ref);
                s.setString(3, ref);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
