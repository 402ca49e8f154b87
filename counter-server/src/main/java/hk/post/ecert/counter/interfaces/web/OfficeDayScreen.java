package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.kiosk.KioskSettlements;
import hk.post.ecert.counter.application.officeday.OfficeDays;
import hk.post.ecert.counter.infrastructure.report.ZReport;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.kiosk.KioskPayments;
import hk.post.ecert.counter.domain.model.kiosk.KioskPayment;
import hk.post.ecert.counter.application.checkout.Payments;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import jakarta.faces.context.FacesContext;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.journal.JournalVerifier;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervisor's office day: every till with its figures from the journal (expected, counted, variance — never
 * editable), sign-off of variances above the threshold, corrections proposed and approved by two people, the
 * journal verifier, and the office day close with its Z report.
 */
@Named
@ViewScoped
public class OfficeDayScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PointOfSale pos;

    @Inject
    OfficeDays days;

    @Inject
    CounterOverview counters;

    @Inject
    Checkout checkout;

    @Inject
    KioskPayments kioskPayments;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String signOffNote;
    private String correctionTill;
    private String correctionTender = TenderKind.CASH.name();
    private String correctionAmount;
    private boolean correctionNegative;
    private String correctionReason;
    private String correctionEvidence;
    private String correctionId = PointOfSale.newId("COR");
    private JournalVerifier.Report verification;
    private long verifyMillis;

    public String getOffice() {
        return counters.placeOf(staff.getUsername()).office();
    }

    public LocalDate getDay() {
        return pos.today();
    }

    public List<TillSession> getTills() {
        return days.tillsOf(getOffice(), getDay());
    }

    public DayReport getReport() {
        return days.dayReport(getOffice(), getDay());
    }

    /** The day's money beside what it bought, and the refunds owed (read once per request: each action changes it). */
    public Payments.DayMoney getMoney() {
        return (Payments.DayMoney) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent("officeDay.money", k -> checkout.dayMoney(getOffice(), getDay()));
    }

    /** The office's kiosk payments whose outcome the device never told. */
    public List<KioskPayment> getUnresolvedKioskPayments() {
        @SuppressWarnings("unchecked")
        List<KioskPayment> l = (List<KioskPayment>) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent("officeDay.unresolved", k -> kioskPayments.unresolved(getOffice()));
        return l;
    }

    public Money amountOf(KioskPayment k) {
        return Money.ofCents(k.amountCents());
    }

    /** Resolves a kiosk payment against its kiosk's settled EPS batch (refused until the kiosk settled its day). */
    public void resolveKioskPayment(String paymentId) {
        try {
            KioskPayment p = kioskPayments.resolveFromBatch(paymentId, staff.getUsername());
            FacesContext.getCurrentInstance().getAttributes().remove("officeDay.unresolved");
            FacesContext.getCurrentInstance().getAttributes().remove("officeDay.money");
            Screens.info(Screens.text(language.getLocale(), "day.kioskResolved", p.paymentId(), p.status().name()));
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
        }
    }

    public String tieText(Tie tie) {
        return tie.label().in(language.getLocale());
    }

    public boolean isDayClosed() {
        return days.dayClosed(getOffice(), getDay());
    }

    public TillLedger ledger(String tillId) {
        return pos.ledger(tillId);
    }

    public String money(Money m) {
        return m == null ? "" : m.toString();
    }

    public void signOff(String tillId) {
        try {
            days.signOff(tillId, staff.getUsername(), signOffNote);
            signOffNote = null;
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    @Inject
    KioskSettlements kioskSettlements;

    /** The kiosks' EPS (issue 17): each kiosk's takings as journalled, its device's batch, and whether they agree. */
    public java.util.List<java.util.Map.Entry<String, long[]>> getEpsLines() {
        return java.util.List.copyOf(ZReport.epsSettlement(getReport()).entrySet());
    }

    public String money(long cents) {
        return Money.ofCents(cents).toString();
    }

    /** Asks each kiosk of the office to settle the day's EPS sales; the batches show here as the devices report them. */
    public void settleEps() {
        java.util.List<String> asked = kioskSettlements.settle(getOffice(), getDay(), staff.getUsername());
        Screens.info(Screens.text(language.getLocale(), "day.eps.asked", String.join(", ", asked)));
    }

    public void closeDay() {
        try {
            DayReport r = days.closeOfficeDay(getOffice(), getDay(), staff.getUsername());
            Screens.info(Screens.text(language.getLocale(), "day.closed", r.office(), r.day().toString(), r.variance().toString()));
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    public void propose() {
        String id = Screens.param("correctionId");
        if (id == null || !id.equals(correctionId)) {
            return;
        }
        try {
            Money m = Screens.money(correctionAmount, language.getLocale());
            days.proposeCorrection(id, correctionTill, TenderKind.valueOf(correctionTender),
                    correctionNegative ? Money.ofCents(-m.cents()) : m, correctionReason, correctionEvidence, staff.getUsername());
            correctionId = PointOfSale.newId("COR");
            correctionAmount = null;
            correctionReason = null;
            correctionEvidence = null;
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        } catch (IllegalArgumentException e) {
            Screens.error(e.getMessage());
        }
    }

    public void approve(String id) {
        try {
            days.approveCorrection(id, staff.getUsername());
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    public List<TillCorrection> getPendingCorrections() {
        return days.pendingCorrections(getOffice());
    }

    public void verify() {
        long t0 = System.nanoTime();
        verification = days.verifyJournal();
        verifyMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public String getSignOffNote() { return signOffNote; }
    public void setSignOffNote(String v) { signOffNote = v; }
    public String getCorrectionTill() { return correctionTill; }
    public void setCorrectionTill(String v) { correctionTill = v; }
    public String getCorrectionTender() { return correctionTender; }
    public void setCorrectionTender(String v) { correctionTender = v; }
    public String getCorrectionAmount() { return correctionAmount; }
    public void setCorrectionAmount(String v) { correctionAmount = v; }
    public boolean isCorrectionNegative() { return correctionNegative; }
    public void setCorrectionNegative(boolean v) { correctionNegative = v; }
    public String getCorrectionReason() { return correctionReason; }
    public void setCorrectionReason(String v) { correctionReason = v; }
    public String getCorrectionEvidence() { return correctionEvidence; }
    public void setCorrectionEvidence(String v) { correctionEvidence = v; }
    public String getNextCorrectionId() { return correctionId; }
    public JournalVerifier.Report getVerification() { return verification; }
    public long getVerifyMillis() { return verifyMillis; }
    public TenderKind[] getTenderKinds() { return TenderKind.values(); }
}
