package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.StaffAccess;
import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.model.till.Tills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The till for the screens: open, count and close it, drops and pickups, and the sales and reversals it holds, each
 * method one transaction through {@link Tills} (the journal's port). Money is taken and given back only through the
 * checkout. Supervisors re-authenticate against the same identity store that logs staff in.
 */
@ApplicationScoped
public class PointOfSale {

    @Inject
    StaffAccess access;

    @Inject
    Instance<HttpServletRequest> request;

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

    /** A variance larger than this (either way) needs a supervisor's sign-off. A setting; HK$50.00 by default. */
    @Inject
    @ConfigProperty(name = "counter.till.signoff-threshold-cents", defaultValue = "5000")
    long signOffThresholdCents;

    @Inject
    Tills book;

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
        return book.openTillAt(TillSession.journalCounter(p.office(), p.counter()));
    }

    /** The clerk's most recent till session today that still needs them (open, or counted with a variance). */
    @Transactional
    public Optional<TillSession> currentTill(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        if (p.counter() == null) {
            return Optional.empty();
        }
        Optional<TillSession> open = book.openTillAt(TillSession.journalCounter(p.office(), p.counter()));
        if (open.isPresent()) {
            return open;
        }
        List<TillSession> today = book.tillsOf(p.office(), book.today());
        for (int i = today.size() - 1; i >= 0; i--) {
            TillSession t = today.get(i);
            if (t.clerk().equals(clerk) && t.counter().equals(p.counter())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Transactional
    public TillSession open(String tillId, String clerk, CashCount openingFloat) {
        CounterOverview.CounterPlace p = placeOf(clerk);
        return book.open(tillId, p.office(), p.counter(), clerk, openingFloat);
    }

    /** A kiosk's till today, opened (with no float: a kiosk takes no cash) on its first use of the day. */
    @Transactional
    public TillSession kioskTill(String terminalId) {
        String actor = Kiosks.actorOf(terminalId);
        return openTill(actor).orElseGet(() -> open("TILL-" + terminalId + "-" + today(), actor, CashCount.empty()));
    }

    @Transactional
    public Optional<TillSession> till(String tillId) {
        return book.till(tillId);
    }

    @Transactional
    public TillLedger ledger(String tillId) {
        return book.ledger(book.till(tillId).orElseThrow());
    }

    @Transactional
    public Optional<SaleOutcome> saleByPayment(String paymentId) {
        return book.saleByPayment(paymentId);
    }

    @Transactional
    public Optional<SaleOutcome> saleByTransaction(String transactionNo) {
        return book.saleByTransaction(transactionNo);
    }

    @Transactional
    public List<SaleOutcome> sales(String tillId) {
        return book.salesOf(tillId);
    }

    @Transactional
    public Optional<ReversalOutcome> reversalOf(String paymentId) {
        return book.reversalOf(paymentId);
    }

    /** A supervisor approves only for their own office. */
    public void requireSupervises(String office, String supervisor) {
        counters.requireSupervises(office, supervisor);
    }

    @Transactional
    public Money moveCash(String requestId, String tillId, String clerk, boolean drop, CashCount pieces) {
        return book.moveCash(requestId, tillId, clerk, drop, pieces);
    }

    @Transactional
    public CloseOutcome closeBlind(String tillId, String clerk, CashCount counted) {
        return book.closeBlind(tillId, clerk, counted);
    }

    @Transactional
    public TillSession.Status explainVariance(String tillId, String clerk, String reason) {
        return book.explainVariance(tillId, clerk, reason, signOffThreshold());
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
        StaffAccess.Outcome r = access.check(username, password, source(), StaffAccess.Purpose.REAUTHENTICATION);
        if (r.result() == StaffAccess.Result.LOCKED) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_LOCKED, username.trim());
        }
        if (r.result() == StaffAccess.Result.WAIT) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_WAIT, Long.toString(Math.max(1, r.retryAfter().toSeconds())));
        }
        if (!r.valid() || !r.groups().contains("SUPERVISOR")) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_REFUSED);
        }
        return r.username();
    }

}
