package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.kiosk.KioskRenewals;
import hk.post.ecert.counter.domain.model.kiosk.KioskRules;
import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.kiosk.KioskPayments;
import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.domain.model.kiosk.KioskAnswers;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.application.renewal.RenewalWindows;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.kiosk.KioskPayment;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.interfaces.kiosk.KioskStart;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Optional;

/**
 * The self-service kiosk's screen (issue 17): check a certificate by its SRN (or serial) and the HKID or BR number it
 * belongs to, see in plain words what to do next, and pay an e-Cert (Personal) subscription extension by EPS with the
 * receipt printed. It acts as its kiosk, never as staff; the HKID typed is used for the check and not kept.
 */
@Named
@ViewScoped
public class KioskScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the customer is. */
    public enum Step { HOME, CHECK, FOUND, PAYING, DONE, PREPARE, TICKET }

    @Inject
    Kiosks kiosks;

    @Inject
    KioskPayments payments;

    @Inject
    SubscriberRegistry registry;

    @Inject
    CertificateTexts texts;

    @Inject
    RenewalWindows windows;

    @Inject
    Triage triage;

    @Inject
    Language language;

    private Step step = Step.HOME;

    @Inject
    KioskRenewals renewals;

    /** What the customer types for the form when preparing a renewal (cleared with the rest). */
    private final java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
    private Integer years;
    private String ticketNumber;
    private String number;
    private String idNumber;
    private String serialHex;
    private String nextPaymentId = PointOfSale.newId("KSK");
    private String paymentId;

    private Kiosks.Binding binding() {
        Object b = FacesContext.getCurrentInstance().getExternalContext().getSessionMap().get(KioskStart.BINDING);
        if (!(b instanceof Kiosks.Binding binding)) {
            throw new SecurityException("not a kiosk session");
        }
        return binding;
    }

    public void startCheck() {
        step = Step.CHECK;
    }

    /** Starts again with nothing of the last customer left (also what the idle reset does). */
    public void startOver() {
        step = Step.HOME;
        number = null;
        idNumber = null;
        serialHex = null;
        paymentId = null;
        typed.clear();
        years = null;
        ticketNumber = null;
    }

    /** Whether the certificate found can be renewed at the counter now, and so prepared here. */
    public boolean isPreparable() {
        return serialHex != null && perRequest("preparable", () -> renewals.preparable(serialHex));
    }

    public void startPreparing() {
        if (isPreparable()) {
            // no term is chosen for the customer (issue 29): only a variant with one term has it set
            java.util.List<Integer> terms = renewals.terms(serialHex);
            years = terms.size() == 1 ? terms.get(0) : null;
            step = Step.PREPARE;
        }
    }

    public java.util.List<Integer> getTerms() {
        return serialHex == null ? java.util.List.of() : renewals.terms(serialHex);
    }

    public java.util.List<String> getFormFields() {
        return KioskRenewals.FIELDS;
    }

    /** Records the prepared renewal and prints the queue ticket on the kiosk's printer. */
    public void prepare() {
        if (serialHex == null || step != Step.PREPARE) {
            return;
        }
        if (years == null) {
            Screens.error(Screens.text(language.getLocale(), "kiosk.prepare.chooseTerm"));
            return;
        }
        try {
            ticketNumber = renewals.prepare(binding(), serialHex, years, typed,
                    language.isChinese() ? ReceiptLanguage.ZH : ReceiptLanguage.EN).ticketNumber();
            typed.clear();
            step = Step.TICKET;
        } catch (IllegalStateException | IllegalArgumentException e) {
            Screens.error(Screens.text(language.getLocale(), "kiosk.prepare.refused"));
        }
    }

    public java.util.Map<String, String> getTyped() { return typed; }
    public Integer getYears() { return years; }
    public void setYears(Integer v) { years = v; }
    public String getTicketNumber() { return ticketNumber; }

    public void check() {
        Kiosks.Checked c = kiosks.check(binding(), number, idNumber);
        idNumber = null;   // used for the check only
        if (c.refused().isPresent()) {
            Screens.error(Screens.text(language.getLocale(), "kiosk.refused." + c.refused().get().name()));
            return;
        }
        serialHex = c.certificate().orElseThrow().serialHex();
        step = Step.FOUND;
    }

    /** Pays the extension by EPS under the id chosen before the first press: a second press is the same payment. */
    public void pay() {
        String id = Screens.param("paymentId");
        if (serialHex == null || id == null || !id.equals(nextPaymentId)) {
            return;
        }
        try {
            payments.pay(id, binding(), serialHex, 1, language.isChinese() ? ReceiptLanguage.ZH : ReceiptLanguage.EN);
            paymentId = id;
            nextPaymentId = PointOfSale.newId("KSK");
            step = Step.PAYING;
        } catch (RegistryRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        }
    }

    /** Looked at while the payment runs: once it is settled, the screen says how it ended. */
    public void paymentPoll() {
        if (step == Step.PAYING && getPayment().map(p -> p.status().finished()).orElse(false)) {
            step = Step.DONE;
        }
    }

    public Optional<KioskPayment> getPayment() {
        return paymentId == null ? Optional.empty() : payments.view(paymentId);
    }

    /** How the payment stands, in words. */
    public String getPaymentText() {
        return getPayment().map(p -> Screens.text(language.getLocale(), "kiosk.payment." + p.status().name())).orElse("");
    }

    public boolean isPaid() {
        return getPayment().map(p -> p.status() == KioskPayment.Status.EXTENDED).orElse(false);
    }

    /** The certificate found, read once per request (the page asks for it in a dozen places). */
    public SubscriberCertificate getCertificate() {
        return serialHex == null ? null : perRequest("certificate", () -> registry.bySerial(serialHex).orElse(null));
    }

    /** A value worked out once per request for the certificate on screen (a new request reads it afresh). */
    @SuppressWarnings("unchecked")
    private <T> T perRequest(String what, java.util.function.Supplier<T> work) {
        java.util.Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
        String key = KioskScreen.class.getName() + "." + what + "." + serialHex;
        if (request.containsKey(key)) {
            return (T) request.get(key);
        }
        T value = work.get();
        request.put(key, value);
        return value;
    }

    public String getStatusText() {
        SubscriberCertificate c = getCertificate();
        return c == null ? "" : texts.status(c, language);
    }

    /** The renewal window, for a certificate that may still be renewed (none beside "cannot be renewed"), without staff advice. */
    public String getWindowText() {
        SubscriberCertificate c = getCertificate();
        return c == null || c.status(registry.today()) != CertificateStatus.ACTIVE ? "" : texts.windowOnly(c, language);
    }

    public String getTypeName() {
        SubscriberCertificate c = getCertificate();
        return c == null ? "" : triage.catalogue().type(c.typeCode()).name().in(language.getLocale());
    }

    /** Whether the subscription can be extended here, by a year. */
    public boolean isExtendable() {
        SubscriberCertificate c = getCertificate();
        return c != null && perRequest("extendable", () -> registry.extensionYears(c) >= 1);
    }

    public String getExtensionFee() {
        if (!isExtendable()) {
            return "";
        }
        return perRequest("fee", () -> {
            try {
                var q = payments.quote(serialHex, 1);
                return q.isSet() ? q.total().toString() : "";
            } catch (RegistryRefusal e) {
                return "";
            }
        });
    }

    /** What to do next, in the customer's words: extend here, renew at the counter (and what renewing early gives up), a new application, or who renews it. */
    public String getNextStep() {
        SubscriberCertificate c = getCertificate();
        if (c == null) {
            return "";
        }
        var type = triage.catalogue().type(c.typeCode());
        return KioskAnswers.next(new KioskAnswers.Facts(type, type.variant(c.variantCode()), c, windows.of(c), registry.today(),
                isExtendable() ? registry.extensionYears(c) : 0, getExtensionFee(), renewals.notPreparable(c.serialHex()),
                registry.reinstatement(c))).in(language.getLocale());
    }

    /** What to bring to the counter, for this certificate's variant. */
    public java.util.List<String> getToBring() {
        SubscriberCertificate c = getCertificate();
        if (c == null || !isPreparable()) {
            return java.util.List.of();
        }
        return KioskAnswers.toBring(triage.catalogue().type(c.typeCode()).variant(c.variantCode())).stream()
                .map(b -> b.in(language.getLocale())).toList();
    }

    /** The kiosk's name for the screen's corner. */
    public String getKioskName() {
        Kiosks.Binding b = binding();
        return Offices.name(b.officeCode()).in(language.getLocale()) + " · " + b.terminalId();
    }

    private static final java.util.List<java.util.List<String>> KEY_ROWS = java.util.stream.Stream.of("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM()")
            .map(r -> r.chars().mapToObj(ch -> String.valueOf((char) ch)).toList()).toList();

    /** The on-screen keyboard's keys, row by row (what an SRN, a serial, an HKID or a BR number is written with). */
    public java.util.List<java.util.List<String>> getKeyRows() {
        return KEY_ROWS;
    }

    /** A screen without a touch for this long goes back to its start, with nothing personal left on it. */
    public long getIdleSeconds() {
        return KioskRules.IDLE_RESET.toSeconds();
    }

    public Step getStep() { return step; }
    public String getNumber() { return number; }
    public void setNumber(String v) { number = v; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String v) { idNumber = v; }
    public String getNextPaymentId() { return nextPaymentId; }
}
