package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.OutsideWindowApproval;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 29: renewing before a certificate's usual window opens takes a supervisor's approval with a reason — the
 * supervisor re-authenticated, the reason asked before the password is tried — recorded in the case's history and the
 * journal. Whether it is needed is the case's rule ({@code RenewalCase.open}).
 */
@ApplicationScoped
public class WindowApprovals {

    /** A supervisor's word to renew before the usual window opens: who (with their password) and why. */
    public record OutsideWindow(String supervisor, char[] password, String reason) {
        public boolean given() {
            return supervisor != null && !supervisor.isBlank();
        }
    }

    @Inject
    PointOfSale pos;

    @Inject
    CounterJournal journal;

    @Inject
    RenewalWindows windows;

    @Inject
    RenewalCaseRepository repository;

    /** The approval to open the case with: none when none was given or the window is open anyway. */
    OutsideWindowApproval approval(SubscriberCertificate cert, OutsideWindow w) {
        if (w == null || !w.given() || windows.of(cert).accepted()) {
            return null;
        }
        new OutsideWindowApproval(w.supervisor(), w.reason());   // a reason first, before a password is tried
        return new OutsideWindowApproval(pos.authenticateSupervisor(w.supervisor(), w.password()), w.reason());
    }

    /** The approval used: in the case's history and the journal. */
    void record(String caseRef, SubscriberCertificate cert, String clerk, OutsideWindowApproval a) {
        RenewalWindow w = windows.of(cert);
        repository.event(caseRef, a.supervisor(), "approved renewing outside the window (it opens on " + w.opens() + ", "
                + w.monthsGivenUp(pos.today()) + " months given up): " + a.reason());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("case", caseRef);
        e.put("srn", cert.srn());
        e.put("opens", String.valueOf(w.opens()));
        e.put("approvedBy", a.supervisor());
        e.put("clerk", clerk);
        e.put("reason", a.reason());
        journal.record(a.supervisor(), "CASE_OUTSIDE_WINDOW_APPROVED", e);
    }
}
