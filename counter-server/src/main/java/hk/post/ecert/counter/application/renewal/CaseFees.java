package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.checkout.PayableKind;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.renewal.CaseOffices;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * What the checkout sells of a renewal case: its fee, priced from the case (term, variant, servers). Paid, the case is
 * paid and goes to HKPCA if that was its last step; taken back, it is unpaid again (back at the counter if it was with
 * HKPCA), refused once the certificate is issued. A rejected case holding its fee owes a refund. Each step runs in the
 * checkout's transaction.
 */
@ApplicationScoped
public class CaseFees implements PayableKind {

    @Inject
    RenewalCases cases;

    @Inject
    RenewalCaseRepository repository;

    @Inject
    CaseOffices offices;

    @Override
    public boolean sells(Payable p) {
        return p instanceof Payable.CaseFee;
    }

    @Override
    public Optional<String> officeOf(Payable p) {
        return offices.officeOf(p.reference());
    }

    /** The case's fee today; a case not open, paid already, a re-issue or with its fee not set is refused in words. */
    @Override
    public List<SaleLine> price(Payable p) {
        RenewalCase k = cases.load(p.reference()).orElseThrow(() -> RenewalCases.noCase(p.reference()));
        k.requirePayable();
        Quote q = cases.quote(k);
        if (!q.isSet()) {
            throw new CaseRefusal("Fee not set: " + String.join(", ", q.notSet().stream().map(i -> i.name().en()).toList())
                    + ". The counter cannot charge it until an administrator enters the published fee.",
                    "費用未設定：" + String.join("、", q.notSet().stream().map(i -> i.name().zh()).toList()) + "。");
        }
        return q.lines().stream().map(l -> new SaleLine(k.caseRef(), l.item().code(), l.item().name(), k.typeCode(),
                l.quantity(), l.amount(), p.code())).toList();
    }

    /** The case is paid by this payment; a case complete with it goes to HKPCA vetting at once. */
    @Override
    public void bought(Payable p, String paymentId, String actor) {
        RenewalCase k = cases.load(p.reference()).orElseThrow(() -> RenewalCases.noCase(p.reference()));
        k.paid(paymentId, actor);
        repository.save(k);
        repository.event(k.caseRef(), actor, "paid by " + paymentId);
        cases.sendIfComplete(k.caseRef(), actor);
    }

    @Override
    public void checkReversal(Payable p, String paymentId) {
        cases.load(p.reference()).ifPresent(k -> k.requireReversible(paymentId));
    }

    /** The fee went back: the case is unpaid again (refused once its certificate is issued). */
    @Override
    public void reversed(Payable p, String paymentId, String actor) {
        RenewalCase k = cases.load(p.reference()).orElseThrow(() -> RenewalCases.noCase(p.reference()));
        RenewalCase.State before = k.state();
        if (k.paymentReversed(paymentId)) {
            repository.save(k);
            repository.event(k.caseRef(), actor, "payment " + paymentId + " reversed: the case is unpaid"
                    + (before != k.state() ? " and back at the counter (was " + before + ")" : ""));
        }
    }

    @Override
    public Tie tieOf(Payable p, String paymentId) {
        return cases.load(p.reference()).filter(k -> paymentId.equals(k.paymentId()))
                .map(k -> k.refundOwed() ? Tie.REFUND_OWED : Tie.TIED).orElse(Tie.UNTIED);
    }

    @Override
    public List<Owed> refundsOwed(String office) {
        return repository.rejectedButPaid().stream().filter(ref -> offices.officeOf(ref).map(office::equals).orElse(false))
                .map(ref -> cases.load(ref).filter(RenewalCase::refundOwed)
                        .map(k -> new Owed(new Payable.CaseFee(ref), k.paymentId())))
                .flatMap(Optional::stream).toList();
    }

}
