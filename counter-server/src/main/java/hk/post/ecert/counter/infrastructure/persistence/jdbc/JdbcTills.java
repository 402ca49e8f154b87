package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import jakarta.inject.Inject;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.Tills;
import hk.post.ecert.journal.Journal;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The tills over JDBC: each step on a connection of the JTA data source, so in the caller's transaction ({@link TillBook}). */
@ApplicationScoped
public class JdbcTills implements Tills {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    private final TillBook book = new TillBook(new Journal(), Clock.systemUTC(), JdbcTillRecords::new);

    public JdbcTills() {
    }

    /** Tills on a data source of the caller's choosing (tests: one connection per transaction). */
    public JdbcTills(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private <T> T db(Sql.Work<T> w) {
        return Sql.run(dataSource, w);
    }

    @Override
    public LocalDate today() {
        return book.today();
    }

    @Override
    public TillSession open(String tillId, String office, String counter, String clerk, CashCount openingFloat) {
        return db(c -> book.open(c, tillId, office, counter, clerk, openingFloat));
    }

    @Override
    public Optional<TillSession> openTillAt(String journalCounter) {
        return db(c -> book.openTillAt(c, journalCounter));
    }

    @Override
    public Optional<TillSession> till(String tillId) {
        return db(c -> book.till(c, tillId));
    }

    @Override
    public List<TillSession> tillsOf(String office, LocalDate day) {
        return db(c -> book.tillsOf(c, office, day));
    }

    @Override
    public TillLedger ledger(TillSession till) {
        return db(c -> book.ledger(c, till));
    }

    @Override
    public SaleOutcome pay(String paymentId, String tillId, String clerk, List<SaleLine> lines, List<Tender> tenders) {
        return db(c -> book.pay(c, paymentId, tillId, clerk, lines, tenders));
    }

    @Override
    public Optional<SaleOutcome> saleByPayment(String paymentId) {
        return db(c -> book.saleByPayment(c, paymentId));
    }

    @Override
    public Optional<SaleOutcome> saleByTransaction(String transactionNo) {
        return db(c -> book.saleByTransaction(c, transactionNo));
    }

    @Override
    public List<SaleOutcome> salesOf(String tillId) {
        return db(c -> book.salesOf(c, tillId));
    }

    @Override
    public Optional<ReversalOutcome> reversalOf(String paymentId) {
        return db(c -> book.reversalOf(c, paymentId));
    }

    @Override
    public ReversalOutcome reverse(String reversalId, boolean isVoid, String transactionNo, String tillId, String clerk,
                                   String reason, String approver, boolean toCard) {
        return db(c -> book.reverse(c, reversalId, isVoid, transactionNo, tillId, clerk, reason, approver, toCard));
    }

    @Override
    public Money moveCash(String requestId, String tillId, String clerk, boolean drop, CashCount pieces) {
        return db(c -> book.moveCash(c, requestId, tillId, clerk, drop, pieces));
    }

    @Override
    public CloseOutcome closeBlind(String tillId, String clerk, CashCount counted) {
        return db(c -> book.closeBlind(c, tillId, clerk, counted));
    }

    @Override
    public TillSession.Status explainVariance(String tillId, String clerk, String reason, Money signOffThreshold) {
        return db(c -> book.explainVariance(c, tillId, clerk, reason, signOffThreshold));
    }

    @Override
    public void signOff(String tillId, String supervisor, String note) {
        db(c -> {
            book.signOff(c, tillId, supervisor, note);
            return null;
        });
    }
}
