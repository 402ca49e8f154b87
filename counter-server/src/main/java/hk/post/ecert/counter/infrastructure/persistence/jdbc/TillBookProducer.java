package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.application.officeday.OfficeDayBook;
import hk.post.ecert.counter.application.pos.TillBook;
import hk.post.ecert.journal.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The till's and the office day's book-keeping on the server: the journal, the system clock, the till's rows over JDBC. */
@ApplicationScoped
public class TillBookProducer {

    /** Dependent: the book holds no state of its own, and a final class cannot be proxied. */
    @Produces
    TillBook tillBook() {
        return new TillBook(new Journal(), Clock.systemUTC(), JdbcTillRecords::new);
    }

    /** The office day's book-keeping, over the same rows. */
    @Produces
    OfficeDayBook officeDayBook() {
        return new OfficeDayBook(new Journal(), Clock.systemUTC(), JdbcTillRecords::new);
    }
}
