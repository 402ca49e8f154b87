package hk.post.ecert.counter.application.bankcert;

import hk.post.ecert.counter.application.checkout.PayableKind;
import hk.post.ecert.counter.domain.model.bankcert.BankApplication;
import hk.post.ecert.counter.domain.model.bankcert.BankApplications;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.renewal.CaseOffices;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * What the checkout sells at the HKPCA desk: a Bank-Cert (Bank) application's fee, priced per certificate and year
 * (a setting until HKPCA publishes it). Paid, the application is paid; taken back, it is unpaid again (back at the
 * desk if it was with vetting), refused once the certificate is issued. A rejected application holding its fee owes
 * a refund. Each step runs in the checkout's transaction.
 */
@ApplicationScoped
public class ApplicationFees implements PayableKind {

    @Inject
    BankCertDesk desk;

    @Inject
    BankApplications applications;

    @Inject
    CaseOffices offices;

    @Override
    public boolean sells(Payable p) {
        return p instanceof Payable.BankCertFee;
    }

    @Override
    public Optional<String> officeOf(Payable p) {
        return offices.officeOf(p.reference());
    }

    /** The application's fee today; one paid already, past the desk or with its fee not published is refused in words. */
    @Override
    public List<SaleLine> price(Payable p) {
        BankApplication a = desk.load(p.reference()).orElseThrow(() -> noApplication(p.reference()));
        a.requirePayable();
        Quote q = desk.quote(a);
        if (!q.isSet()) {
            throw new CaseRefusal("Fee not set: " + String.join(", ", q.notSet().stream().map(i -> i.name().en()).toList())
                    + ". HKPCA has not published it; an administrator enters it on the Fees screen before the desk can charge it.",
                    "費用未設定：" + String.join("、", q.notSet().stream().map(i -> i.name().zh()).toList())
                            + "。香港郵政核證機關尚未公布；須由管理員在「費用」畫面輸入後，方可收費。");
        }
        return q.lines().stream().map(l -> new SaleLine(a.ref(), l.item().code(), l.item().name(), BankCertDesk.TYPE,
                l.quantity(), l.amount(), p.code())).toList();
    }

    @Override
    public void bought(Payable p, String paymentId, String actor) {
        BankApplication a = desk.load(p.reference()).orElseThrow(() -> noApplication(p.reference()));
        a.paid(paymentId);
        applications.save(a);
        applications.event(a.ref(), actor, "paid by " + paymentId);
    }

    @Override
    public void checkReversal(Payable p, String paymentId) {
        desk.load(p.reference()).ifPresent(a -> a.requireReversible(paymentId));
    }

    @Override
    public void reversed(Payable p, String paymentId, String actor) {
        BankApplication a = desk.load(p.reference()).orElseThrow(() -> noApplication(p.reference()));
        if (a.paymentReversed(paymentId)) {
            applications.save(a);
            applications.event(a.ref(), actor, "payment " + paymentId + " reversed: the application is unpaid");
        }
    }

    @Override
    public Tie tieOf(Payable p, String paymentId) {
        return desk.load(p.reference()).filter(a -> paymentId.equals(a.paymentId()))
                .map(a -> a.refundOwed() ? Tie.REFUND_OWED : Tie.TIED).orElse(Tie.UNTIED);
    }

    @Override
    public List<Owed> refundsOwed(String office) {
        return applications.refsIn(BankApplication.State.REJECTED).stream()
                .filter(ref -> offices.officeOf(ref).map(office::equals).orElse(false))
                .map(ref -> desk.load(ref).filter(BankApplication::refundOwed)
                        .map(a -> new Owed(new Payable.BankCertFee(ref), a.paymentId())))
                .flatMap(Optional::stream).toList();
    }

    private static CaseRefusal noApplication(String ref) {
        return new CaseRefusal("No application " + ref + ".", "沒有申請 " + ref + "。");
    }
}
