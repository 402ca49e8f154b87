package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.renewal.CaseMedia;

import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.application.kiosk.KioskRenewals;
import hk.post.ecert.counter.domain.model.kiosk.PreparedRenewal;
import hk.post.ecert.counter.application.ReferralSlips;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.CustomerQuery;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Counter home's one customer search (issue 16): one field for an SRN, a serial, an HKID or a BR number (the kind is
 * known from what is typed), a reason from a short list (every lookup is audited), Enter searches; the certificate
 * found offers what the rules allow — extend here with cash tendered by one button (exact or a common note; the
 * receipt prints at once), or renew (the case opened pre-filled) — and "next customer" clears the screen.
 */
@Named
@ViewScoped
public class CustomerSearch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The reasons a clerk looks a customer up; the first is the default. */
    public static final List<String> REASONS = List.of("COUNTER", "EXTENSION", "RENEWAL", "ENQUIRY");

    @Inject
    CaseMedia caseMedia;

    @Inject
    SubscriberRegistry registry;

    @Inject
    PointOfSale pos;

    @Inject
    Checkout checkout;

    @Inject
    TillReceipts receipts;

    @Inject
    CertificateTexts texts;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String query;
    private String reason = REASONS.get(0);
    private String shownQuery;
    private List<SubscriberCertificate> found = List.of();
    private String selected;
    private Integer years = 1;
    private String receiptLanguage;
    private String paymentId = PointOfSale.newId("PAY");
    private SubscriberRegistry.Extended extended;

    @Inject
    KioskRenewals preparedAtTheKiosk;

    public void search() {
        if (PreparedRenewal.ticketNumber(query).isPresent()) {
            callTicket();
            return;
        }
        Optional<CustomerQuery> q = CustomerQuery.of(query);
        if (q.isEmpty()) {
            Screens.error(Screens.text(language.getLocale(), "search.notAKey"));
            return;
        }
        try {
            found = registry.lookup(SubscriberRegistry.LookupBy.valueOf(q.get().kind().name()), q.get().value(),
                    Screens.text(java.util.Locale.ENGLISH, "search.reason." + reason), staff.getUsername());
            selected = found.isEmpty() ? null : found.get(0).serialHex();
            forgetSlip();
            years = 1;
            extended = null;
            // an HKID is kept on the screen only masked, once found
            shownQuery = q.get().kind() == CustomerQuery.Kind.HKID ? Hkid.parse(q.get().value()).masked() : q.get().value();
            query = q.get().kind() == CustomerQuery.Kind.HKID ? shownQuery : q.get().value();
            if (found.isEmpty()) {
                Screens.info(Screens.text(language.getLocale(), "subscriber.none"));
            }
        } catch (RegistryRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    /**
     * A queue ticket from the kiosk (issue 17): the renewal the customer prepared there opens as a case with what they
     * entered, and the screen goes to it (the identity is checked there, face to face).
     */
    private void callTicket() {
        Optional<KioskRenewals.Called> called = Optional.empty();
        try {
            called = preparedAtTheKiosk.call(staff.getUsername(), query);
        } catch (CaseRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
            return;
        } catch (RegistryRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
            return;
        }
        if (called.isEmpty()) {
            Screens.error(Screens.text(language.getLocale(), "search.noTicket", query.trim().toUpperCase(java.util.Locale.ROOT)));
            return;
        }
        Screens.redirect("cases.xhtml?case=" + called.get().caseRef());
    }

    /** Another certificate of the same customer. */
    public void select(String serial) {
        selected = serial;
        forgetSlip();
        years = 1;
        extended = null;
    }

    /** Clears the screen for the next customer. */
    public void next() {
        query = null;
        shownQuery = null;
        reason = REASONS.get(0);
        found = List.of();
        selected = null;
        years = 1;
        extended = null;
        receiptLanguage = null;
        paymentId = PointOfSale.newId("PAY");
        forgetSlip();
    }

    private void forgetSlip() {
        slipId = null;
        slipPrints = 0;
        slipJob = null;
    }

    public SubscriberCertificate getCertificate() {
        return registry.chosen(found, selected);
    }

    public List<Integer> getExtensionYears() {
        SubscriberCertificate c = getCertificate();
        return c == null ? List.of() : java.util.stream.IntStream.rangeClosed(1, registry.extensionYears(c)).boxed().toList();
    }

    /** The extension's total for the years chosen; empty when there is none to take (or the fee is not set). */
    public Optional<Money> getTotal() {
        SubscriberCertificate c = getCertificate();
        if (c == null || years == null || registry.extensionYears(c) < years) {
            return Optional.empty();
        }
        Quote q = registry.quoteExtension(c, years);
        return q.isSet() ? Optional.of(q.total()) : Optional.empty();
    }

    /** The cash buttons: the exact amount, then each common note that covers it. */
    public List<Money> getTenderButtons() {
        return getTotal().map(Screens::tenderButtons).orElse(List.of());
    }

    public String getNextPaymentId() {
        return paymentId;
    }

    /** Takes the cash handed over and extends the subscription; the receipt prints at once, in the customer's language. */
    public void payCash(long cents) {
        SubscriberCertificate c = getCertificate();
        String id = Screens.param("paymentId");
        if (c == null || id == null || !id.equals(paymentId)) {
            return;
        }
        Optional<TillSession> till = Screens.openTill(pos, staff, language);
        if (till.isEmpty()) {
            return;
        }
        try {
            SaleOutcome sale = checkout.pay(id, staff.getUsername(), List.of(new Payable.SubscriptionExtension(c.serialHex(), years)),
                    List.of(Tender.cash(Money.ofCents(cents))));
            extended = registry.extended(sale, c.serialHex()).orElseThrow();
            paymentId = PointOfSale.newId("PAY");
            Screens.printReceipt(receipts, extended.sale().paymentId(), staff, language, getReceiptLanguageChosen());
        } catch (RegistryRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        }
    }

    /** The receipt's language: as chosen for this customer, else the screen's. */
    public ReceiptLanguage getReceiptLanguageChosen() {
        if (receiptLanguage != null) {
            return ReceiptLanguage.valueOf(receiptLanguage);
        }
        return Screens.receiptLanguage(language);
    }

    /** Where the focus goes: the first action the rules allow, else the search field. */
    public String getFocus() {
        if (extended != null) {
            return "nextCustomer";
        }
        SubscriberCertificate c = getCertificate();
        if (c == null) {
            return "query";
        }
        if (!getTenderButtons().isEmpty()) {
            return "tenders:0:tender";
        }
        if (isReferral()) {
            return slipJob == null ? "refer" : "nextCustomer";
        }
        return isRenewable() ? "renew" : "nextCustomer";
    }

    @Inject
    RenewalCases cases;

    /** Whether the renewal can be written onto the customer's own medium at this counter (else it is posted). */
    public boolean isWritableAtCounter() {
        SubscriberCertificate c = getCertificate();
        return isRenewable() && !caseMedia.mediumChoices(c.typeCode(), c.variantCode()).isEmpty();
    }

    public boolean isRenewable() {
        SubscriberCertificate c = getCertificate();
        return c != null && channelOf(c) == Channel.COUNTER && texts.newApplication(c, language).isEmpty() && getExtensionYears().isEmpty();
    }

    // ---------------------------------------------------------------- refer

    @Inject
    Triage triage;

    @Inject
    ReferralSlips slips;

    @Inject
    ShownJobs shownJobs;

    private String slipId;
    private int slipPrints;
    private String slipJob;

    private Channel channelOf(SubscriberCertificate c) {
        return triage.catalogue().type(c.typeCode()).channel();
    }

    /** Whether the certificate found is renewed elsewhere (its referral body): the counter prints the referral slip. */
    public boolean isReferral() {
        SubscriberCertificate c = getCertificate();
        return c != null && channelOf(c) == Channel.REFERRAL;
    }

    /** Who renews it, in the screen's language. */
    public String getReferralBody() {
        SubscriberCertificate c = getCertificate();
        return c == null ? "" : triage.catalogue().type(c.typeCode()).variant(c.variantCode()).referral()
                .map(r -> r.body().in(language.getLocale())).orElse("");
    }

    /** The id of the next slip print: the slip's own the first time, then a COPY's (a double press prints once). */
    public String getNextSlipPrintId() {
        if (slipId == null) {
            slipId = ReferralSlips.newSlipId();
        }
        return slipPrints == 0 ? slipId : slipId + "-C" + slipPrints;
    }

    /** Prints the referral slip for the certificate found, in the customer's language. */
    public void refer() {
        SubscriberCertificate c = getCertificate();
        String printId = Screens.param("printId");
        if (c == null || !isReferral() || printId == null || slipId == null || !printId.startsWith(slipId)) {
            return;   // a stale form
        }
        try {
            slipJob = slips.print(slipId, printId, c.typeCode(), c.variantCode(), staff.getUsername(), getReceiptLanguageChosen());
            if (printId.equals(getNextSlipPrintId())) {
                slipPrints++;
            }
        } catch (IllegalStateException e) {
            Screens.error(Screens.text(language.getLocale(), "triage.noTerminal"));
        }
    }

    /** The slip's print job as the printer last reported it ("" before any print). */
    public String getSlipStatus() {
        return slipJob == null ? "" : shownJobs.view(slipJob).map(j -> Screens.text(language.getLocale(), "job." + j.status().name())).orElse("");
    }

    public boolean isSlipPrinting() {
        return slipJob != null && shownJobs.view(slipJob).map(j -> !j.status().finished()).orElse(false);
    }

    public String status(SubscriberCertificate c) {
        return texts.status(c, language);
    }

    public String window(SubscriberCertificate c) {
        return texts.window(c, language);
    }

    public String newApplication(SubscriberCertificate c) {
        return texts.newApplication(c, language);
    }

    public List<String> getReasons() { return REASONS; }
    public String getQuery() { return query; }
    public void setQuery(String v) { query = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getShownQuery() { return shownQuery; }
    public List<SubscriberCertificate> getFound() { return found; }
    public Integer getYears() { return years; }
    public void setYears(Integer v) { years = v; }
    public String getReceiptLanguage() { return receiptLanguage == null ? getReceiptLanguageChosen().name() : receiptLanguage; }
    public void setReceiptLanguage(String v) { receiptLanguage = v; }
    public SubscriberRegistry.Extended getExtended() { return extended; }
}
