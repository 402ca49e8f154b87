package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.service.JournalSigningKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The point of sale for the screens: each method is one transaction on the counter database through
 * {@link TillBook}, plus the receipts it prints. Supervisors re-authenticate against the same identity store that
 * logs staff in.
 */
@ApplicationScoped
public class PointOfSale {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    hk.post.ecert.counter.application.StaffAccess access;

    @Inject
    jakarta.enterprise.inject.Instance<jakarta.servlet.http.HttpServletRequest> request;

    /** Where a re-authentication comes from: the browser's address, for the per-source throttle. */
    private String source() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    @Inject
    CounterOverview counters;

    @Inject
    StaffDirectory staff;

    @Inject
    DeviceJobs jobs;

    @Inject
    JournalSigningKey journalKey;

    @Inject
    hk.post.ecert.counter.application.receipt.ReceiptSeals seals;

    /** A variance larger than this (either way) needs a supervisor's sign-off. A setting; HK$50.00 by default. */
    @Inject
    @ConfigProperty(name = "counter.till.signoff-threshold-cents", defaultValue = "5000")
    long signOffThresholdCents;

    @Inject
    TillBook book;



    private <T> T db(hk.post.ecert.counter.application.Sql.Work<T> w) {
        return hk.post.ecert.counter.application.Sql.run(dataSource, w);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    public Money signOffThreshold() {
        return Money.ofCents(signOffThresholdCents);
    }

    public LocalDate today() {
        return book.today();
    }

    // ---------------------------------------------------------------- the clerk's till

    /** The clerk's counter in journal terms ("GPO-C01"); refuses staff without a counter. */
    public CounterOverview.CounterPlace placeOf(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        if (p.counter() == null) {
            throw new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, p.office());
        }
        return p;
    }

    @Transactional
    public Optional<TillSession> openTill(String clerk) {
        CounterOverview.CounterPlace p = placeOf(clerk);
        return db(c -> book.openTillAt(c, hk.post.ecert.counter.domain.model.till.TillSession.journalCounter(p.office(), p.counter())));
    }

    /** The clerk's most recent till session today that still needs them (open, or counted with a variance). */
    @Transactional
    public Optional<TillSession> currentTill(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        if (p.counter() == null) {
            return Optional.empty();
        }
        return db(c -> {
            Optional<TillSession> open = book.openTillAt(c, hk.post.ecert.counter.domain.model.till.TillSession.journalCounter(p.office(), p.counter()));
            if (open.isPresent()) {
                return open;
            }
            List<TillSession> today = book.tillsOf(c, p.office(), book.today());
            for (int i = today.size() - 1; i >= 0; i--) {
                TillSession t = today.get(i);
                if (t.clerk().equals(clerk) && t.counter().equals(p.counter())) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        });
    }

    @Transactional
    public TillSession open(String tillId, String clerk, CashCount openingFloat) {
        CounterOverview.CounterPlace p = placeOf(clerk);
        return db(c -> book.open(c, tillId, p.office(), p.counter(), clerk, openingFloat));
    }

    @Transactional
    public Optional<TillSession> till(String tillId) {
        return db(c -> book.till(c, tillId));
    }

    @Transactional
    public TillLedger ledger(String tillId) {
        return db(c -> book.ledger(c, book.till(c, tillId).orElseThrow()));
    }

    /**
     * Journals a sale on the till. Only the {@link hk.post.ecert.counter.application.checkout.Checkout} calls this: it
     * prices the lines from what is bought and marks it paid in the same transaction.
     */
    @Transactional
    public SaleOutcome journalSale(String paymentId, String tillId, String clerk, List<SaleLine> lines, List<Tender> tenders) {
        SaleOutcome s = db(c -> book.pay(c, paymentId, tillId, clerk, lines, tenders));
        if (!s.repeat()) {
            saleTaken.fire(new hk.post.ecert.counter.application.SaleWasTaken(s));
        }
        return s;
    }

    @Inject
    jakarta.enterprise.event.Event<hk.post.ecert.counter.application.SaleWasTaken> saleTaken;

    @Transactional
    public Optional<SaleOutcome> saleByPayment(String paymentId) {
        return db(c -> book.saleByPayment(c, paymentId));
    }

    @Transactional
    public Optional<SaleOutcome> saleByTransaction(String transactionNo) {
        return db(c -> book.saleByTransaction(c, transactionNo));
    }

    @Transactional
    public List<SaleOutcome> sales(String tillId) {
        return db(c -> book.salesOf(c, tillId));
    }

    @Transactional
    public Optional<ReversalOutcome> reversalOf(String paymentId) {
        return db(c -> book.reversalOf(c, paymentId));
    }

    /**
     * A void or refund, approved by a supervisor who re-authenticates here. Only the checkout calls this: it undoes
     * what the sale bought in the same transaction.
     */
    @Transactional
    public ReversalOutcome reverse(String reversalId, boolean isVoid, String transactionNo, String tillId,
                                           String clerk, String reason, String supervisor, char[] password) {
        String approver = authenticateSupervisor(supervisor, password);
        return db(c -> {
            counters.requireSupervises(book.till(c, tillId).map(TillSession::office)
                    .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId)), approver);
            return book.reverse(c, reversalId, isVoid, transactionNo, tillId, clerk, reason, approver);
        });
    }

    @Transactional
    public Money moveCash(String requestId, String tillId, String clerk, boolean drop, CashCount pieces) {
        return db(c -> book.moveCash(c, requestId, tillId, clerk, drop, pieces));
    }

    @Transactional
    public CloseOutcome closeBlind(String tillId, String clerk, CashCount counted) {
        return db(c -> book.closeBlind(c, tillId, clerk, counted));
    }

    @Transactional
    public TillSession.Status explainVariance(String tillId, String clerk, String reason) {
        return db(c -> book.explainVariance(c, tillId, clerk, reason, signOffThreshold()));
    }

    /**
     * Checks a supervisor's user name and password against the staff identity store.
     *
     * @return the supervisor's user name
     */
    public String authenticateSupervisor(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_REFUSED);
        }
        hk.post.ecert.counter.application.StaffAccess.Outcome r = access.check(username, password, source(),
                hk.post.ecert.counter.application.StaffAccess.Purpose.REAUTHENTICATION);
        if (r.result() == hk.post.ecert.counter.application.StaffAccess.Result.LOCKED) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_LOCKED, username.trim());
        }
        if (r.result() == hk.post.ecert.counter.application.StaffAccess.Result.WAIT) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_WAIT, Long.toString(Math.max(1, r.retryAfter().toSeconds())));
        }
        if (!r.valid() || !r.groups().contains("SUPERVISOR")) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_REFUSED);
        }
        return r.username();
    }

}
