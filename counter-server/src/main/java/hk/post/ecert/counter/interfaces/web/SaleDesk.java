package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.registry.CustomerQuery;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sale screen: a basket of what the customer pays for (cases, Bank-Cert applications, subscription extensions),
 * priced by the checkout from what is bought; tenders (cash with change, EPS, cheque or
 * cashier order, or several), one payment id chosen before the first submit, the receipt printed; voids and refunds
 * with a supervisor's re-authentication.
 */
@Named
@ViewScoped
public class SaleDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PointOfSale pos;

    @Inject
    TillReceipts receipts;

    @Inject
    Checkout checkout;

    @Inject
    SubscriberRegistry registry;

    @Inject
    ShownJobs shownJobs;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    // what is being added to the basket: a case or application reference, an SRN or a certificate serial
    private String what;
    private Integer years = 1;
    private final List<Payable> basket = new ArrayList<>();
    private List<SaleLine> lines = List.of();

    private final TenderForm tender = new TenderForm();

    /** Chosen now, rendered into the pay button: a double click or a retry carries the same id. */
    private String paymentId = PointOfSale.newId("PAY");
    private SaleOutcome lastSale;
    private String lastJobId;
    private int copies;

    // void / refund
    private String reverseTxn;
    private String reverseReason;
    private String supervisor;
    private String supervisorPassword;
    private String reversalId = PointOfSale.newId("REV");
    private ReversalOutcome lastReversal;

    public Optional<TillSession> getTill() {
        return pos.currentTill(staff.getUsername()).filter(t -> t.status() == TillSession.Status.OPEN);
    }

    public boolean isTillOpen() {
        return getTill().isPresent();
    }

    /**
     * Adds what the customer pays for to the basket: a renewal case (RC-…) or Bank-Cert application (BC-…) by its
     * reference, or a certificate (by SRN or serial) whose subscription is extended by the years chosen. The basket is
     * priced again by the checkout: anything that does not exist or cannot be paid now is refused with its reason,
     * and is not added.
     */
    public void addItem() {
        Optional<Payable> p = payableTyped();
        if (p.isEmpty()) {
            return;
        }
        List<Payable> next = new ArrayList<>(basket);
        next.add(p.get());
        try {
            lines = checkout.quote(next);
            basket.add(p.get());
            what = null;
            years = 1;
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
        }
    }

    private String linkAdd;
    private Integer linkYears;

    /** Opened from Counter home's search with a certificate: it goes into the basket, by the years chosen there. */
    public void addFromLink() {
        if (linkAdd == null || linkAdd.isBlank()) {
            return;
        }
        what = linkAdd;
        years = linkYears == null ? 1 : linkYears;
        linkAdd = null;
        addItem();
    }

    public String getLinkAdd() { return linkAdd; }
    public void setLinkAdd(String v) { linkAdd = v; }
    public Integer getLinkYears() { return linkYears; }
    public void setLinkYears(Integer v) { linkYears = v; }

    private Optional<Payable> payableTyped() {
        String typed = what == null ? "" : what.trim().toUpperCase(Locale.ROOT);
        if (typed.startsWith("RC-")) {
            return Optional.of(new Payable.CaseFee(typed));
        }
        if (typed.startsWith("BC-")) {
            return Optional.of(new Payable.BankCertFee(typed));
        }
        Optional<CustomerQuery> q = CustomerQuery.of(typed);
        if (q.isEmpty() || (q.get().kind() != CustomerQuery.Kind.SRN && q.get().kind() != CustomerQuery.Kind.SERIAL)) {
            Screens.error(Screens.text(language.getLocale(), "sale.notPayable"));
            return Optional.empty();
        }
        try {
            List<SubscriberCertificate> found = registry.lookup(SubscriberRegistry.LookupBy.valueOf(q.get().kind().name()),
                    q.get().value(), Screens.text(Locale.ENGLISH, "sale.lookupReason"), staff.getUsername());
            if (found.isEmpty()) {
                Screens.error(Screens.text(language.getLocale(), "sale.noCertificate", q.get().value()));
                return Optional.empty();
            }
            return Optional.of(new Payable.SubscriptionExtension(found.get(0).serialHex(), years == null ? 1 : years));
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
            return Optional.empty();
        }
    }

    public void removeItem(int index) {
        if (index >= 0 && index < basket.size()) {
            basket.remove(index);
            reprice();
        }
    }

    /** The basket priced as the checkout prices it now (a basket that can no longer be paid says why). */
    private void reprice() {
        try {
            lines = basket.isEmpty() ? List.of() : checkout.quote(basket);
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
        }
    }

    /** What each basket entry is, for the basket's table. */
    public List<Payable> getBasket() {
        return basket;
    }

    /** The lines of one basket entry, as priced. */
    public List<SaleLine> linesOf(Payable p) {
        return lines.stream().filter(l -> p.code().equals(l.pays())).toList();
    }

    public Money getTotal() {
        return lines.stream().map(SaleLine::amount).reduce(Money.ZERO, Money::plus);
    }

    public String getNextPaymentId() {
        return paymentId;
    }

    /** Takes the payment under the id the button carried; a repeat is answered with the first outcome. */
    public void pay() {
        String id = Screens.param("paymentId");
        if (id == null || !id.equals(paymentId)) {
            // A stale submit: this payment was taken already (its outcome is on screen), or the form is old.
            return;
        }
        Optional<TillSession> till = getTill();
        if (till.isEmpty()) {
            Screens.error(new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, staff.getCounter()).bilingual().in(language.getLocale()));
            return;
        }
        try {
            List<Tender> tenders = tender.tenders(language.getLocale());
            SaleOutcome out = checkout.pay(id, staff.getUsername(), List.copyOf(basket), tenders);
            lastSale = out;
            copies = 0;
            basket.clear();
            lines = List.of();
            tender.clear();
            paymentId = PointOfSale.newId("PAY");
            printReceipt(out.paymentId());
        } catch (IllegalArgumentException e) {
            Screens.error(e.getMessage());
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
        }
    }

    private void printReceipt(String printId) {
        try {
            lastJobId = receipts.printReceipt(lastSale.paymentId(), printId, staff.getUsername(), receiptLanguage());
        } catch (IllegalStateException e) {
            Screens.error(Screens.text(language.getLocale(), "sale.notPrinted"));
        }
    }

    /** Prints the last receipt again, marked COPY. */
    public void reprint() {
        if (lastSale != null) {
            copies++;
            printReceipt(lastSale.paymentId() + "-COPY" + copies);
        }
    }

    public String getReprintId() {
        return lastSale == null ? "" : lastSale.paymentId() + "-COPY" + (copies + 1);
    }

    private ReceiptLanguage receiptLanguage() {
        return language.isChinese() ? ReceiptLanguage.ZH : ReceiptLanguage.EN;
    }

    /** The change of the last sale as notes and coins. */
    public String getChangePieces() {
        if (lastSale == null || lastSale.change().cents() == 0) {
            return "";
        }
        CashCount pieces = CashCount.of(lastSale.change());
        List<String> parts = new ArrayList<>();
        pieces.pieces().forEach((d, n) -> parts.add(n + " × " + (language.isChinese() ? d.labelZh() : d.label())));
        return String.join(", ", parts);
    }

    public DeviceJobs.JobView getJob() {
        return lastJobId == null ? null : shownJobs.view(lastJobId).orElse(null);
    }

    public boolean isJobRunning() {
        DeviceJobs.JobView j = getJob();
        return j != null && !j.status().finished();
    }

    public String statusText(JobStatus status) {
        return Screens.text(language.getLocale(), "job." + status.name());
    }

    public String faultText(String reason) {
        return Messages.fault(language.getLocale(), reason);
    }

    public List<SaleOutcome> getSales() {
        return getTill().map(t -> pos.sales(t.tillId())).orElse(List.of());
    }

    public String reversalOf(SaleOutcome s) {
        return pos.reversalOf(s.paymentId()).map(r -> r.kind() + " " + r.transactionNo()).orElse("");
    }

    public String tenderSummary(SaleOutcome s) {
        List<String> parts = new ArrayList<>();
        for (var t : s.tenders()) {
            TenderKind k = TenderKind.valueOf((String) t.get("kind"));
            parts.add(k.label().in(language.getLocale()) + " " + Money.ofCents(((Number) t.get("cents")).longValue()));
        }
        return String.join(" + ", parts);
    }

    public void chooseVoid(String transactionNo) {
        reverseTxn = transactionNo;
    }

    /** Voids (this session) or refunds (earlier session) with a supervisor's password typed here. */
    public void reverse(boolean isVoid) {
        String id = Screens.param("reversalId");
        if (id == null || !id.equals(reversalId)) {
            return;
        }
        Optional<TillSession> till = getTill();
        if (till.isEmpty()) {
            Screens.error(new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, staff.getCounter()).bilingual().in(language.getLocale()));
            return;
        }
        char[] pw = supervisorPassword == null ? new char[0] : supervisorPassword.toCharArray();
        supervisorPassword = null;
        try {
            Checkout.Reversal asked = checkout.reverse(id, isVoid, reverseTxn == null ? "" : reverseTxn.trim().toUpperCase(),
                    staff.getUsername(), reverseReason, supervisor, pw);
            reversalId = PointOfSale.newId("REV");
            reverseTxn = null;
            reverseReason = null;
            supervisor = null;
            if (asked.pending()) {
                // a kiosk's EPS sale goes back to its card: the slip prints here when the kiosk's device approves
                lastJobId = asked.deviceJobId();
                Screens.info(Screens.text(language.getLocale(), "sale.toTheCard"));
                return;
            }
            lastReversal = asked.done();
            try {
                lastJobId = receipts.printReversal(lastReversal, lastReversal.reversalId(), staff.getUsername(), receiptLanguage());
            } catch (IllegalStateException e) {
                Screens.error(Screens.text(language.getLocale(), "sale.notPrinted"));
            }
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
        }
    }

    public String getNextReversalId() {
        return reversalId;
    }

    // ---- plain properties
    public String getWhat() { return what; }
    public void setWhat(String v) { what = v; }
    public Integer getYears() { return years; }
    public void setYears(Integer v) { years = v; }
    public List<SaleLine> getLines() { return lines; }
    public TenderForm getTender() { return tender; }
    public SaleOutcome getLastSale() { return lastSale; }
    public ReversalOutcome getLastReversal() { return lastReversal; }
    public String getReverseTxn() { return reverseTxn; }
    public void setReverseTxn(String v) { reverseTxn = v; }
    public String getReverseReason() { return reverseReason; }
    public void setReverseReason(String v) { reverseReason = v; }
    public String getSupervisor() { return supervisor; }
    public void setSupervisor(String v) { supervisor = v; }
    public String getSupervisorPassword() { return null; }
    public void setSupervisorPassword(String v) { supervisorPassword = v; }
}
