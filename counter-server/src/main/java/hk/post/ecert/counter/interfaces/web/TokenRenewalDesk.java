package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.application.renewal.RenewalIssuance;
import hk.post.ecert.counter.application.TokenRenewals;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.tokenrenewal.RenewalState;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The token step of an approved renewal case: the clerk opens the case by its reference, the screen shows what
 * the case says will be written (type, variant, term, the subscriber's name and the medium — none of it typed
 * here), the customer types the PIN (never echoed, never kept), and the screen follows the saga live — key on the
 * medium, CSR, issuance, write, verification — or says exactly what failed and offers the recovery on the same case.
 */
@Named
@ViewScoped
public class TokenRenewalDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TokenRenewals renewals;

    @Inject
    RenewalCases cases;

    @Inject
    RenewalIssuance issuance;

    @Inject
    Triage triage;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    @Inject
    CaseAccess access;

    @Inject
    ShownOnce shown;

    private String caseRef;
    private String openedCase;
    private String tokenLabel;
    /** Bound to a p:password with redisplay off; cleared as soon as it is handed to the saga. */
    private transient char[] pin;

    /** Opens the screen on {@code ?case=} (the case screen links here). */
    @jakarta.annotation.PostConstruct
    void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        String ref = fc == null ? null : fc.getExternalContext().getRequestParameterMap().get("case");
        if (ref != null && !ref.isBlank()) {
            caseRef = ref;
            openCase();
        }
    }

    public void openCase() {
        wipePin();
        String ref = caseRef == null ? "" : caseRef.trim().toUpperCase(java.util.Locale.ROOT);
        openedCase = null;
        var v = cases.view(ref);
        if (v.isEmpty()) {
            Screens.error(Screens.text(language.getLocale(), "token.noCase", ref));
            return;
        }
        if (!access.mayRead(ref, staff.getUsername(), staff.hasRole("HKPCA_OFFICER"))) {
            Screens.error(Screens.text(language.getLocale(), "case.otherOffice", ref));
            return;
        }
        RenewalCase k = v.get().renewal();
        if (k.delivery() != RenewalCase.Delivery.TOKEN_AT_COUNTER) {
            Screens.error(Screens.text(language.getLocale(), "token.notTokenCase", ref));
            return;
        }
        caseRef = ref;
        openedCase = ref;
    }

    public RenewalCases.View getCaseView() {
        String ref = openedCase;
        return ref == null ? null : shown.read("case " + ref, () -> cases.view(ref)).orElse(null);
    }

    public String getTypeName() {
        RenewalCases.View v = getCaseView();
        if (v == null) {
            return "";
        }
        CertificateType t = triage.catalogue().type(v.renewal().typeCode());
        return t.name().in(language.getLocale()) + " — " + t.variant(v.renewal().variantCode()).name().in(language.getLocale());
    }

    /** The medium the case names (older cases: the variant's own). */
    public String getMedium() {
        RenewalCases.View v = getCaseView();
        if (v == null) {
            return null;
        }
        return v.renewal().mediumToWrite(triage.catalogue().type(v.renewal().typeCode()).variant(v.renewal().variantCode()));
    }

    /** Whether a (new) attempt can start: the case is approved and no attempt is running or waiting for its write. */
    public boolean isStartable() {
        RenewalCases.View v = getCaseView();
        if (v == null || v.renewal().state() != RenewalCase.State.APPROVED) {
            return false;
        }
        TokenRenewals.View r = getRenewal();
        return r == null || r.state() == RenewalState.FAILED || r.state() == RenewalState.REVOKED;
    }

    public void start() {
        try {
            renewals.start(openedCase, staff.getUsername(), tokenLabel, pin == null ? new char[0] : pin);
        } catch (CaseRefusal e) {
            Screens.error(e.bilingual().in(language.getLocale()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Screens.error(e.getMessage());
        } finally {
            wipePin();
        }
    }

    public void retryWrite() {
        TokenRenewals.View r = getRenewal();
        try {
            if (r != null) {
                renewals.retryWrite(r.renewalId(), staff.getUsername(), pin == null ? new char[0] : pin);
            }
        } finally {
            wipePin();
        }
    }

    public void revokeAndStartAgain() {
        TokenRenewals.View r = getRenewal();
        if (r != null) {
            renewals.revokeAndAbandon(r.renewalId(), staff.getUsername());
        }
    }

    private void wipePin() {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
        pin = null;
    }

    public TokenRenewals.View getRenewal() {
        // read once per answer: the state shown and the poll's autoStart/stop must agree (see ShownOnce)
        String ref = openedCase;
        return ref == null ? null : shown.read("token renewal of " + ref, () -> renewals.latestOfCase(ref)).orElse(null);
    }

    public boolean isRunning() {
        TokenRenewals.View v = getRenewal();
        return v != null && !v.state().finished() && v.state() != RenewalState.WRITE_FAILED;
    }

    /** The saga's steps with whether each is done, for the progress list. */
    public List<RenewalState> getSteps() {
        return List.of(RenewalState.KEY_GENERATED, RenewalState.CSR_SIGNED, RenewalState.ISSUED, RenewalState.WRITTEN,
                RenewalState.VERIFIED);
    }

    public boolean stepDone(RenewalState step) {
        TokenRenewals.View v = getRenewal();
        return v != null && v.history().contains(step.name() + " ");
    }

    public String faultText(String reason) {
        return Messages.fault(language.getLocale(), reason);
    }

    public String getCaseRef() {
        return caseRef;
    }

    public void setCaseRef(String caseRef) {
        this.caseRef = caseRef;
    }

    public String getOpenedCase() {
        return openedCase;
    }

    public String getTokenLabel() {
        return tokenLabel;
    }

    public void setTokenLabel(String tokenLabel) {
        this.tokenLabel = tokenLabel;
    }

    /** Never read back into the page. */
    public String getPin() {
        return null;
    }

    public void setPin(String pin) {
        this.pin = pin == null ? null : pin.toCharArray();
    }

    public String getRenewalId() {
        TokenRenewals.View r = getRenewal();
        return r == null ? null : r.renewalId();
    }
}
