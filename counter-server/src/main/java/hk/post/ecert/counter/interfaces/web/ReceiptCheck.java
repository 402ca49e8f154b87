package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.interfaces.http.AddressThrottle;

import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.application.receipt.ReceiptSeals;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The public "check a receipt" page ({@code /verify.xhtml}, no login): the QR text scanned from a receipt, pasted or
 * given as {@code ?s=}, is checked — genuine (since voided or refunded, if so), altered, unknown key — and what the
 * receipt says is shown. It shows nothing personal (a receipt's statement holds none) and each address may check
 * {@value Throttle#PER_MINUTE} receipts a minute.
 */
@Named
@ViewScoped
public class ReceiptCheck implements Serializable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Hong_Kong"));

    @Inject
    ReceiptSeals seals;

    @Inject
    Throttle throttle;

    @Inject
    Language language;

    private String seal;
    private ReceiptSeals.Check result;

    /** A check from a link ({@code /verify.xhtml?s=ECR1:...}). */
    public void checkFromLink() {
        if (seal != null && !seal.isBlank() && result == null) {
            check();
        }
    }

    public void check() {
        result = null;
        if (seal == null || seal.isBlank()) {
            Screens.error(Screens.text(language.getLocale(), "verify.empty"));
            return;
        }
        HttpServletRequest req = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (!throttle.allow(req.getRemoteAddr())) {
            Screens.error(Screens.text(language.getLocale(), "verify.tooMany"));
            return;
        }
        result = seals.check(seal.length() > 2000 ? seal.substring(0, 2000) : seal);
    }

    public String getVerdict() {
        if (result == null) {
            return "";
        }
        String text = Screens.text(language.getLocale(), "verify.outcome." + result.outcome().name());
        if (result.genuine() && result.retiredKey()) {
            text += " " + Screens.text(language.getLocale(), "verify.retired", result.keyId());
        }
        return text;
    }

    public String kind(ReceiptStatement s) {
        return Screens.text(language.getLocale(), "verify.kind." + s.kind().name());
    }

    public String when(ReceiptStatement s) {
        return WHEN.format(s.at());
    }

    public String total(ReceiptStatement s) {
        return Money.ofCents(s.totalCents()).toString();
    }

    public String office(ReceiptStatement s) {
        return Offices.name(s.office()).in(language.getLocale());
    }

    public String getSeal() { return seal; }
    public void setSeal(String v) { seal = v; }
    public ReceiptSeals.Check getResult() { return result; }

    /** At most {@value #PER_MINUTE} checks a minute from one address. */
    @ApplicationScoped
    public static class Throttle {
        static final int PER_MINUTE = 30;
        private final AddressThrottle limit = new AddressThrottle(PER_MINUTE);

        public boolean allow(String address) {
            return limit.allow(address);
        }
    }
}
