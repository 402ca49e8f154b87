package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the counter database answers and its schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery("select count(*) from terminal")) {
            rs.next();
            return HealthCheckResponse.named("counter-database").up().withData("terminals", rs.getLong(1)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("counter-database").down().withData("error", e.getMessage()).build();
        }
    }
}
