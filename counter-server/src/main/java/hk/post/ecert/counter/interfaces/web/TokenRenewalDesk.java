package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.TokenRenewals;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.tokenrenewal.RenewalState;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The token step of a renewal: the clerk chooses the certificate and the customer's medium, the customer types the
 * PIN (never echoed, never kept), and the screen follows the saga live — key on the medium, CSR, issuance, write,
 * verification — or says exactly what failed and offers the recovery.
 */
@Named
@ViewScoped
public class TokenRenewalDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Medium profiles the counter can write, by the catalogue's medium code. */
    public static final List<String> PROFILES = List.of("ecert-file-usb", "softhsm2", "safenet-etoken", "feitian-epass");

    @Inject
    TokenRenewals renewals;

    @Inject
    Triage triage;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String typeCode;
    private String variantCode;
    private Integer years;
    private String subscriberName;
    private String tokenProfile = "ecert-file-usb";
    private String tokenLabel;
    /** Bound to a p:password with redisplay off; cleared as soon as it is handed to the saga. */
    private transient char[] pin;
    private String requestId = UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    private String renewalId;

    public List<CertificateType> getTypes() {
        return triage.catalogue().types().stream().filter(t -> t.channel() == Channel.COUNTER)
                .filter(t -> t.variants().stream().anyMatch(v -> !v.media().isEmpty())).toList();
    }

    public List<Variant> getVariants() {
        return typeCode == null ? List.of()
                : triage.catalogue().type(typeCode).variants().stream().filter(v -> !v.media().isEmpty()).toList();
    }

    public List<Integer> getYearOptions() {
        return variantCode == null ? List.of() : triage.catalogue().type(typeCode).variant(variantCode).validityYears();
    }

    public List<String> getProfiles() {
        return PROFILES;
    }

    /** Another medium: the PIN typed for the previous one is dropped. */
    public void mediumChanged() {
        wipePin();
    }

    public void typeChanged() {
        wipePin();
        List<Variant> v = getVariants();
        variantCode = v.size() == 1 ? v.get(0).code() : null;
        variantChanged();
    }

    public void variantChanged() {
        wipePin();
        List<Integer> y = getYearOptions();
        years = y.isEmpty() ? null : y.get(0);
        if (variantCode != null) {
            Variant v = triage.catalogue().type(typeCode).variant(variantCode);
            tokenProfile = v.media().contains("E_CERT_TOKEN_SAFENET") ? "safenet-etoken"
                    : v.media().contains("E_CERT_TOKEN_FEITIAN") ? "feitian-epass" : "ecert-file-usb";
        }
    }

    public void start() {
        String submitted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("requestId");
        if (submitted == null || !submitted.equals(requestId)) {
            return;
        }
        try {
            renewalId = renewals.start(new TokenRenewals.Request(requestId, staff.getUsername(), typeCode, variantCode,
                    years == null ? 0 : years, subscriberName, tokenProfile, tokenLabel), pin == null ? new char[0] : pin);
        } catch (IllegalArgumentException | IllegalStateException e) {
            error(e.getMessage());
        } finally {
            wipePin();
        }
    }

    public void retryWrite() {
        try {
            renewals.retryWrite(renewalId, pin == null ? new char[0] : pin);
        } finally {
            wipePin();
        }
    }

    public void revokeAndStartAgain() {
        renewals.revokeAndAbandon(renewalId);
        requestId = UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public void newRenewal() {
        renewalId = null;
        requestId = UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    private void wipePin() {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
        pin = null;
    }

    private void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public TokenRenewals.View getRenewal() {
        return renewalId == null ? null : renewals.view(renewalId).orElse(null);
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

    public String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(String typeCode) {
        this.typeCode = typeCode;
    }

    public String getVariantCode() {
        return variantCode;
    }

    public void setVariantCode(String variantCode) {
        this.variantCode = variantCode;
    }

    public Integer getYears() {
        return years;
    }

    public void setYears(Integer years) {
        this.years = years;
    }

    public String getSubscriberName() {
        return subscriberName;
    }

    public void setSubscriberName(String subscriberName) {
        this.subscriberName = subscriberName;
    }

    public String getTokenProfile() {
        return tokenProfile;
    }

    public void setTokenProfile(String tokenProfile) {
        this.tokenProfile = tokenProfile;
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

    public String getRequestId() {
        return requestId;
    }

    public String getRenewalId() {
        return renewalId;
    }
}
