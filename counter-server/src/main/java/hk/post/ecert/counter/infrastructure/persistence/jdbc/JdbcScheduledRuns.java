package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.application.ScheduledRuns;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** A claim is a row keyed by job and day: the first instance to insert it wins; a second insert fails on the key. */
@ApplicationScoped
public class JdbcScheduledRuns implements ScheduledRuns {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Override
    public boolean claim(String job, LocalDate day, String instance) {
        try {
            return Rows.of(dataSource).update("INSERT INTO scheduled_run (job, run_date, instance, started_at) VALUES (?,?,?,?)",
                    job, day, instance, Instant.now()) == 1;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException) {
                return false;
            }
            throw e;
        }
    }
}
