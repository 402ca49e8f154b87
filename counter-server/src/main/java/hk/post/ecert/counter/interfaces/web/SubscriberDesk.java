package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.registry.Reinstatements;

import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.Tender;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The subscriber screen: look a subscriber up (by SRN, serial, HKID or BR number, always with a reason), see each
 * certificate's status, validity, subscription and renewal window, and — for an e-Cert (Personal) — take the
 * payment for a subscription extension at the till and extend it.
 */
@Named
@ViewScoped
public class SubscriberDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SubscriberRegistry registry;

    @Inject
    CertificateTexts texts;

    @Inject
    PointOfSale pos;

    @Inject
    Checkout checkout;

    @Inject
    TillReceipts receipts;

    @Inject
    Triage triage;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String by = "SRN";
    private String value;
    private String reason;
    private List<SubscriberCertificate> found = List.of();
    private String selected;
    private Integer years = 1;
    private final TenderForm tender = new TenderForm();
    private String paymentId = PointOfSale.newId("PAY");
    private SubscriberRegistry.Extended extended;

    public void lookup() {
        try {
            found = registry.lookup(SubscriberRegistry.LookupBy.valueOf(by), value, reason, staff.getUsername());
            selected = found.size() == 1 ? found.get(0).serialHex() : null;
            extended = null;
            if (found.isEmpty()) {
                Screens.info(Screens.text(language.getLocale(), "subscriber.none"));
            }
        } catch (RegistryRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    public void select(String serial) {
        selected = serial;
        years = 1;
        extended = null;
    }

    public SubscriberCertificate getCertificate() {
        return registry.chosen(found, selected);
    }

    public String status(SubscriberCertificate c) {
        return texts.status(c, language);
    }

    public String statusCode(SubscriberCertificate c) {
        return c.status(registry.today()).name();
    }

    @Inject
    FeeTexts feeTexts;

    @Inject
    Reinstatements reinstatements;

    public String newApplication(SubscriberCertificate c) {
        return registry.reinstatement(c).suspendedForLapse() ? "" : texts.newApplication(c, language);
    }

    /**
     * For a certificate suspended because its subscription lapsed (issue 29): whether paying reinstates it today (within
     * HKPCA's grace period, or with a supervisor's approval), or why not. Empty for any other certificate.
     */
    public String reinstatement(SubscriberCertificate c) {
        if (c == null || !registry.reinstatement(c).suspendedForLapse()) {
            return "";
        }
        return reinstatements.refusal(c).map(b -> b.in(language.getLocale()))
                .orElseGet(() -> Screens.text(language.getLocale(), "subscriber.reinstatable", String.valueOf(c.subscriptionEnd())));
    }

    /** Whether a supervisor's approval would let this certificate be reinstated (past the grace period, none given today). */
    public boolean reinstatementNeedsApproval(SubscriberCertificate c) {
        return c != null && registry.reinstatement(c).suspendedForLapse() && reinstatements.refusal(c).isPresent()
                && !c.validTo().isBefore(registry.today());
    }

    private String reinstateSupervisor;
    private String reinstatePassword;
    private String reinstateReason;

    public String getReinstateSupervisor() { return reinstateSupervisor; }
    public void setReinstateSupervisor(String v) { reinstateSupervisor = v; }
    public String getReinstatePassword() { return null; }
    public void setReinstatePassword(String v) { reinstatePassword = v; }
    public String getReinstateReason() { return reinstateReason; }
    public void setReinstateReason(String v) { reinstateReason = v; }

    /** A supervisor approves reinstating the chosen certificate after the grace period, with a reason (recorded, journalled). */
    public void approveReinstatement() {
        SubscriberCertificate c = getCertificate();
        char[] password = reinstatePassword == null ? new char[0] : reinstatePassword.toCharArray();
        reinstatePassword = null;
        if (c == null) {
            return;
        }
        try {
            if (reinstateReason == null || reinstateReason.isBlank()) {
                Screens.error(Screens.text(language.getLocale(), "subscriber.reinstateReasonNeeded"));
                return;
            }
            String supervisor = pos.authenticateSupervisor(reinstateSupervisor, password);
            reinstatements.approve(c.serialHex(), supervisor, staff.getUsername(), reinstateReason);
            reinstateSupervisor = null;
            reinstateReason = null;
            Screens.info(Screens.text(language.getLocale(), "subscriber.reinstateApproved", supervisor));
        } catch (RuntimeException e) {
            Screens.refusedAny(e, language);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    public String window(SubscriberCertificate c) {
        return texts.window(c, language);
    }

    public List<Integer> extensionYears(SubscriberCertificate c) {
        return IntStream.rangeClosed(1, registry.extensionYears(c)).boxed().toList();
    }

    public String getQuote() {
        SubscriberCertificate c = getCertificate();
        if (c == null || years == null || registry.extensionYears(c) < years) {
            return "";
        }
        Quote q = registry.quoteExtension(c, years);
        return feeTexts.totalOrWhy(q, language);
    }

    public String getNextPaymentId() {
        return paymentId;
    }

    /** Takes the payment and extends the subscription in one transaction; a repeat of the same id charges once. */
    public void payAndExtend() {
        String id = Screens.param("paymentId");
        SubscriberCertificate c = getCertificate();
        if (c == null || id == null || !id.equals(paymentId)) {
            return;
        }
        Optional<TillSession> till = pos.currentTill(staff.getUsername()).filter(t -> t.status() == TillSession.Status.OPEN);
        if (till.isEmpty()) {
            Screens.error(new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, staff.getCounter()).bilingual().in(language.getLocale()));
            return;
        }
        try {
            List<Tender> tenders = tender.tenders(language.getLocale());
            SaleOutcome sale = checkout.pay(id, staff.getUsername(),
                    List.of(new Payable.SubscriptionExtension(c.serialHex(), years == null ? 0 : years)), tenders);
            extended = registry.extended(sale, c.serialHex()).orElseThrow();
            paymentId = PointOfSale.newId("PAY");
            tender.clear();
            Screens.printReceipt(receipts, extended.sale().paymentId(), staff, language);
        } catch (RegistryRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        } catch (PosRefusal e) {
            Screens.refused(e, language.getLocale());
        } catch (IllegalArgumentException e) {
            Screens.error(e.getMessage());
        }
    }

    /** Supervisors: suspend Personal certificates whose subscription lapsed, now (the nightly job does it too). */
    public void runLapsedCheck() {
        int n = registry.suspendLapsed(registry.today(), staff.getUsername());
        Screens.info(Screens.text(language.getLocale(), "subscriber.suspended", n));
    }

    public List<Map<String, Object>> getRecentLookups() {
        return registry.recentLookups(20);
    }

    public List<SubscriberCertificate> getFound() { return found; }
    public String getBy() { return by; }
    public void setBy(String v) { by = v; }
    public String getValue() { return value; }
    public void setValue(String v) { value = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public Integer getYears() { return years; }
    public void setYears(Integer v) { years = v; }
    public TenderForm getTender() { return tender; }
    public SubscriberRegistry.Extended getExtended() { return extended; }
    public String getSelected() { return selected; }
}
