package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.renewal.CaseMedia;

import hk.post.ecert.counter.domain.model.fee.Quote;

import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;

import hk.post.ecert.counter.domain.model.till.PosRefusal;

import hk.post.ecert.counter.domain.model.FreeText;

import hk.post.ecert.counter.application.CaseAccess;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.application.DispatchMedia;
import hk.post.ecert.counter.application.renewal.NextStepsSlips;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.application.renewal.RenewalIssuance;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.renewal.RenewalCases;
import hk.post.ecert.counter.application.renewal.WindowApprovals;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.server.CsrRules;
import hk.post.ecert.counter.domain.model.till.Tender;
import jakarta.faces.view.ViewScoped;
import hk.post.ecert.counter.application.kiosk.KioskRenewals;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The renewal case screen: open a case for a subscriber's certificate, then its steps — identity, documents,
 * payment, vetting — and after approval the dispatch or the Server CSR.
 */
@Named
@ViewScoped
public class CaseDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseMedia caseMedia;

    @Inject
    RenewalCases cases;

    @Inject
    RenewalIssuance issuance;

    @Inject
    PointOfSale pos;

    @Inject
    Checkout checkout;

    @Inject
    TillReceipts receipts;

    @Inject
    Triage triage;

    @Inject
    CertificateTexts texts;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String certificate;
    private String typeCode;
    private String variantCode;
    private Integer years = 1;
    private boolean arChanged;
    private String names;
    private String delivery = "DISPATCH";
    private String caseRef;
    private String idNumber;
    private String nameOnForm;
    private String dateOfBirth;
    private final TenderForm tender = new TenderForm();
    private String paymentId = PointOfSale.newId("PAY");
    private String pinEnvelope;
    private String mediumArticle;
    private String pinArticle;
    private String csr;
    private List<String> csrProblems = List.of();

    private void refused(RuntimeException e) {
        Screens.refusedAny(e, language);
    }

    public List<Variant> getVariants() {
        return typeCode == null ? List.of() : triage.catalogue().type(typeCode).variants();
    }

    private String mediumProfile;

    /** The media a token case of the chosen variant may be written onto (the variant's own first). */
    public List<String> getMediumChoices() {
        if (typeCode == null || variantCode == null) {
            return List.of();
        }
        return "DISPATCH".equals(delivery) ? caseMedia.postedMediumChoices(typeCode, variantCode) : caseMedia.mediumChoices(typeCode, variantCode);
    }

    private Integer additionalServers = 0;

    /** Whether the chosen variant is paid for on additional servers ("Wildcard"). */
    public boolean isAdditionalServersOffered() {
        return typeCode != null && variantCode != null && triage.catalogue().type(typeCode).variants().stream()
                .anyMatch(v -> v.code().equals(variantCode) && v.wildcard());
    }

    public Integer getAdditionalServers() { return additionalServers; }
    public void setAdditionalServers(Integer v) { additionalServers = v; }

    public String getMediumProfile() { return mediumProfile; }
    public void setMediumProfile(String v) { mediumProfile = v; }

    public List<Integer> getYearChoices() {
        if (typeCode == null || variantCode == null) {
            return List.of(1);
        }
        List<Integer> y = triage.catalogue().type(typeCode).variant(variantCode).validityYears();
        return y.isEmpty() ? List.of(1) : y;
    }

    /*
     * What a link opened the page with (Counter home's renew, document capture's way back). A view parameter is applied
     * again on every postback with the value the page was opened with: these setters take a value only when there is
     * one, so they never clear what the clerk has chosen since.
     */
    private boolean linkApplied;

    public String getLinkCertificate() { return null; }
    public void setLinkCertificate(String v) { if (v != null && !v.isBlank() && !linkApplied) { certificate = v; } }
    public String getLinkType() { return null; }
    public void setLinkType(String v) { if (v != null && !v.isBlank() && !linkApplied) { typeCode = v; } }
    public String getLinkVariant() { return null; }
    public void setLinkVariant(String v) { if (v != null && !v.isBlank() && !linkApplied) { variantCode = v; } }
    public String getLinkDelivery() { return null; }
    public void setLinkDelivery(String v) { if (v != null && !v.isBlank() && !linkApplied) { delivery = RenewalCase.Delivery.valueOf(v).name(); } }
    public String getLinkCase() { return null; }
    public void setLinkCase(String v) { if (v != null && !v.isBlank() && !linkApplied) { caseRef = v; } }

    /** Opened with {@code ?case=} (from document capture): the case at once. */
    public void resumeFromLink() {
        linkApplied = true;
        if (caseRef != null && !caseRef.isBlank() && getView() == null) {
            resume();
        }
    }

    private String outsideSupervisor;
    private String outsidePassword;
    private String outsideReason;

    public String getOutsideSupervisor() { return outsideSupervisor; }
    public void setOutsideSupervisor(String v) { outsideSupervisor = v; }
    public String getOutsidePassword() { return null; }
    public void setOutsidePassword(String v) { outsidePassword = v; }
    public String getOutsideReason() { return outsideReason; }
    public void setOutsideReason(String v) { outsideReason = v; }

    public void open() {
        char[] password = outsidePassword == null ? new char[0] : outsidePassword.toCharArray();
        outsidePassword = null;
        try {
            RenewalCase k = cases.open(staff.getUsername(), certificate, variantCode, years == null ? 1 : years, arChanged,
                    names == null ? List.of() : Arrays.asList(names.split("[,\\s]+")), RenewalCase.Delivery.valueOf(delivery),
                    "CSR".equals(delivery) ? null : mediumProfile,
                    isAdditionalServersOffered() && additionalServers != null ? additionalServers : 0, java.util.Map.of(),
                    new WindowApprovals.OutsideWindow(outsideSupervisor, password, outsideReason));
            caseRef = k.caseRef();
            outsideSupervisor = null;
            outsideReason = null;
        } catch (CaseRefusal | RegistryRefusal | PosRefusal | FreeText.Refused e) {
            refused(e);
        } catch (IllegalArgumentException e) {
            Screens.error(e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Inject
    FeeTexts feeTexts;

    /** The case's fee, or why it cannot be charged (not set, or published but not yet confirmed). */
    public String fee(Quote q) {
        return feeTexts.totalOrWhy(q, language);
    }

    /** What renewing the case's certificate today gives up (the months left), when it is more than a month. */
    public String earlyRenewal(SubscriberCertificate c) {
        return c == null ? "" : texts.earlyRenewal(c, language);
    }

    /** Rule 1 for e-Cert (Server): a free re-issue within the paid subscription, for the certificate typed. */
    public void openReissue() {
        try {
            caseRef = cases.openReissue(staff.getUsername(), certificate).caseRef();
        } catch (CaseRefusal | RegistryRefusal e) {
            refused(e);
        }
    }

    @Inject
    CaseAccess access;

    public void resume() {
        String ref = caseRef == null ? "" : caseRef.trim().toUpperCase();
        if (cases.view(ref).isPresent() && !access.mayRead(ref, staff.getUsername(), staff.hasRole("HKPCA_OFFICER"))) {
            Screens.error(Screens.text(language.getLocale(), "case.otherOffice", ref));
            caseRef = null;
        } else if (cases.view(ref).isPresent()) {
            caseRef = ref;
        } else {
            Screens.error(Screens.text(language.getLocale(), "capture.noCase", ref));
            caseRef = null;
        }
    }

    @Inject
    DispatchMedia media;

    /** Who downloaded the case's medium file, when, where (the append-only trail). */
    public List<String> getMediumDownloads() {
        return caseRef == null ? List.of() : media.downloads(caseRef);
    }

    /**
     * The case as it is now, read once per stretch of the request in which nothing changes it: once while the request
     * is taken apart (restoring the view, decoding, validating and updating the model only touch this screen's
     * fields), and once more while the page is rendered, after the action. The page asks for it in dozens of places,
     * each a read of the case, its certificate, its quote and its history. The action itself always reads it afresh.
     */
    public RenewalCases.View getView() {
        if (caseRef == null) {
            return null;
        }
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        String key = faces == null ? null : keptViewKey(faces.getCurrentPhaseId());
        if (key == null) {
            return cases.view(caseRef).orElse(null);
        }
        if (faces.getAttributes().get(key) instanceof RenewalCases.View kept && kept.renewal().caseRef().equals(caseRef)) {
            return kept;
        }
        RenewalCases.View now = cases.view(caseRef).orElse(null);
        if (now != null) {
            faces.getAttributes().put(key, now);
        }
        return now;
    }

    /** Where the view read in this phase is kept for the rest of its stretch; none while the action runs. */
    static String keptViewKey(jakarta.faces.event.PhaseId phase) {
        if (phase == jakarta.faces.event.PhaseId.RENDER_RESPONSE) {
            return KEPT_VIEW + ".rendered";
        }
        return phase != null && phase != jakarta.faces.event.PhaseId.ANY_PHASE
                && phase.getOrdinal() < jakarta.faces.event.PhaseId.INVOKE_APPLICATION.getOrdinal() ? KEPT_VIEW + ".decoded" : null;
    }

    private static final String KEPT_VIEW = CaseDesk.class.getName() + ".keptView";

    public void confirmIdentity() {
        try {
            java.time.LocalDate dob;
            try {
                dob = dateOfBirth == null || dateOfBirth.isBlank() ? null : java.time.LocalDate.parse(dateOfBirth.trim());
            } catch (java.time.format.DateTimeParseException e) {
                Screens.error(Screens.text(language.getLocale(), "fee.badDate", dateOfBirth));
                return;
            }
            boolean sent = cases.confirmIdentity(caseRef, staff.getUsername(), idNumber, nameOnForm, dob);
            idNumber = null;
            dateOfBirth = null;
            sentToHkpca(sent);
        } catch (CaseRefusal e) {
            refused(e);
        }
    }

    public String getNextPaymentId() {
        return paymentId;
    }

    /** Cash handed over by one button: the exact fee or a common note (the change is shown, the receipt prints). */
    public void payCash(long cents) {
        tenderedCents = cents;
        try {
            pay();
        } finally {
            tenderedCents = null;
        }
    }

    private Long tenderedCents;

    /** The cash buttons for the case's fee: the exact amount, then each common note that covers it. */
    public List<Money> getTenderButtons() {
        RenewalCases.View v = getView();
        return v == null || v.quote().isEmpty() || !v.quote().get().isSet() ? List.of() : Screens.tenderButtons(v.quote().get().total());
    }

    private String receiptLanguage;

    /** The language the customer reads: as said on this case, else the screen's. */
    public String getReceiptLanguage() {
        if (receiptLanguage != null) {
            return receiptLanguage;
        }
        RenewalCases.View v = getView();
        return v != null && v.renewal().customerLanguage().isPresent() ? v.renewal().customerLanguage().get().name()
                : Screens.receiptLanguage(language).name();
    }

    public void setReceiptLanguage(String v) { receiptLanguage = v; }

    public TenderForm getTender() { return tender; }

    /** Says so when a step completed the case and it went to HKPCA. */
    void sentToHkpca(boolean sent) {
        if (sent) {
            Screens.info(Screens.text(language.getLocale(), "case.sentToHkpca"));
        }
    }

    public void pay() {
        try {
            ReceiptLanguage reads =
                    ReceiptLanguage.valueOf(getReceiptLanguage());
            cases.customerReads(caseRef, reads, staff.getUsername());
            Optional<SaleOutcome> sale = Screens.payAtDesk(paymentId, checkout, pos, receipts, staff, language, reads, () -> {
                if (tenderedCents != null) {
                    return List.of(Tender.cash(Money.ofCents(tenderedCents)));   // one button: cash only
                }
                return tender.tenders(language.getLocale());
            }, List.of(new Payable.CaseFee(caseRef)));
            if (sale.isPresent()) {
                paymentId = PointOfSale.newId("PAY");
                tender.clear();
                Screens.info(Screens.text(language.getLocale(), "case.paid", sale.get().total(), sale.get().change()));
                sentToHkpca(cases.withHkpca(caseRef));
            }
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    // ---------------------------------------------------------------- the keyboard

    @Inject
    CaseScan caseScan;

    // ---------------------------------------------------------------- a renewal the customer prepared at the kiosk (issue 33)

    @Inject
    KioskRenewals kioskRenewals;

    /** What the customer prepared at the kiosk for this case (once per request), or null when it did not come from a ticket. */
    public KioskRenewals.Prepared getKioskPrepared() {
        if (caseRef == null) {
            return null;
        }
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        String key = CaseDesk.class.getName() + ".kiosk." + caseRef;
        Object kept = faces == null ? null : faces.getAttributes().get(key);
        if (kept == null) {
            kept = kioskRenewals.preparedFor(caseRef).map(Object.class::cast).orElse(Boolean.FALSE);
            if (faces != null) {
                faces.getAttributes().put(key, kept);
            }
        }
        return kept instanceof KioskRenewals.Prepared p ? p : null;
    }

    private boolean kioskFormToCheck() {
        var p = getKioskPrepared();
        return p != null && p.checkedBy().isEmpty();
    }

    /** The clerk read the kiosk's form back to the customer, who confirmed it. */
    public void checkKioskForm() {
        kioskRenewals.formChecked(caseRef, staff.getUsername());
        jakarta.faces.context.FacesContext.getCurrentInstance().getAttributes().remove(CaseDesk.class.getName() + ".kiosk." + caseRef);
    }

    /** Where the focus goes: the next input of the case's next step. */
    public String getFocus() {
        RenewalCases.View v = getView();
        if (v == null) {
            return certificate != null && !certificate.isBlank() ? "years" : "certificate";
        }
        RenewalCase k = v.renewal();
        if (k.state() == RenewalCase.State.OPEN || k.state() == RenewalCase.State.MORE_DOCUMENTS) {
            if (k.identityConfirmedBy() == null && kioskFormToCheck()) {
                return "formChecked";
            }
            if (k.identityConfirmedBy() == null) {
                return "idNumber";
            }
            if (!v.documentsSubmitted() && !k.reissue() && !caseScan.isScanRunning()) {
                return "scanDocuments";   // while the scan runs, the fee can be taken
            }
            if (k.paymentId() == null && !k.reissue() && !getTenderButtons().isEmpty()) {
                return "tenders:0:tender";
            }
            return "submitForVetting";
        }
        if (k.state() == RenewalCase.State.APPROVED && k.delivery() == RenewalCase.Delivery.TOKEN_AT_COUNTER) {
            return "tokenPin";
        }
        if (k.state() == RenewalCase.State.ISSUED) {
            return "pinEnvelope";   // issue 33: the dispatch's numbers next, Enter dispatches
        }
        return "printNextSteps";
    }

    /** What Enter presses: the button of the step whose fields are shown first (none when no step takes typing). */
    public String getDefaultCommand() {
        RenewalCases.View v = getView();
        if (v == null) {
            return "openCase";
        }
        RenewalCase k = v.renewal();
        if (k.state() == RenewalCase.State.OPEN || k.state() == RenewalCase.State.MORE_DOCUMENTS) {
            if (k.identityConfirmedBy() == null) {
                return kioskFormToCheck() ? "formChecked" : "confirmIdentity";
            }
            return k.paymentId() == null && !k.reissue() ? "pay" : null;
        }
        if (k.state() == RenewalCase.State.ISSUED) {
            return "dispatch";
        }
        return k.state() == RenewalCase.State.APPROVED && k.delivery() == RenewalCase.Delivery.TOKEN_AT_COUNTER ? "writeToken" : null;
    }

    public void submitForVetting() {
        try {
            cases.submitForVetting(caseRef, staff.getUsername());
        } catch (CaseRefusal e) {
            refused(e);
        }
    }

    public void dispatch() {
        try {
            issuance.dispatch(caseRef, staff.getUsername(), pinEnvelope, mediumArticle, pinArticle);
        } catch (CaseRefusal e) {
            refused(e);
        }
    }

    private String anyCsrRef;
    private String anyCsr;
    private List<String> anyCsrProblems = List.of();

    public String getAnyCsrRef() { return anyCsrRef; }
    public void setAnyCsrRef(String v) { anyCsrRef = v; }
    public String getAnyCsr() { return anyCsr; }
    public void setAnyCsr(String v) { anyCsr = v; }
    public List<String> getAnyCsrProblems() { return anyCsrProblems; }

    /** Issue 29: the AR's CSR for a Server case, taken at any office (the slip tells the AR to bring it to any counter). */
    public void submitCsrForAnyOffice() {
        String ref = anyCsrRef == null ? "" : anyCsrRef.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            CsrRules.Verdict v = issuance.submitCsr(ref, staff.getUsername(), anyCsr == null ? new byte[0] : anyCsr.getBytes(StandardCharsets.US_ASCII));
            anyCsrProblems = v.problems().stream().map(p -> p.in(language.getLocale())).toList();
            if (v.acceptable()) {
                Screens.info(Screens.text(language.getLocale(), "case.anyOfficeCsrIssued", ref));
                anyCsr = null;
            }
        } catch (CaseRefusal e) {
            refused(e);
        }
    }

    public void submitCsr() {
        try {
            CsrRules.Verdict v = issuance.submitCsr(caseRef, staff.getUsername(), csr == null ? new byte[0] : csr.getBytes(StandardCharsets.US_ASCII));
            csrProblems = v.problems().stream().map(p -> p.in(language.getLocale())).toList();
        } catch (CaseRefusal e) {
            refused(e);
        }
    }

    private String tokenLabel;
    private String tokenPin;
    private String renewalId;

    public void writeToken() {
        char[] pin = tokenPin == null ? new char[0] : tokenPin.toCharArray();
        tokenPin = null;
        try {
            renewalId = issuance.startTokenWrite(caseRef, staff.getUsername(), tokenLabel, pin);
        } catch (CaseRefusal e) {
            refused(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Screens.error(e.getMessage());
        }
    }

    @Inject
    NextStepsSlips nextSteps;

    @Inject
    ShownJobs shownJobs;

    private int nextStepsPrints;
    private String nextStepsJob;

    /** The id of the next "what happens next" print: the slip's own the first time, then a COPY's. */
    public String getNextStepsPrintId() {
        String base = NextStepsSlips.slipId(caseRef);
        return nextStepsPrints == 0 ? base : base + "-C" + nextStepsPrints;
    }

    public void printNextSteps() {
        String printId = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("printId");
        if (caseRef == null || printId == null || !printId.startsWith(NextStepsSlips.slipId(caseRef))) {
            return;   // a stale form
        }
        try {
            nextStepsJob = nextSteps.print(caseRef, printId, staff.getUsername(),
                    language.isChinese() ? ReceiptLanguage.ZH
                            : ReceiptLanguage.EN);
            if (printId.equals(getNextStepsPrintId())) {
                nextStepsPrints++;
            }
        } catch (CaseRefusal e) {
            refused(e);
        } catch (IllegalStateException e) {
            Screens.error(Screens.text(language.getLocale(), "triage.noTerminal"));
        }
    }

    /** Whether the slip is still being printed (the screen looks again until the printer answers). */
    public boolean isNextStepsRunning() {
        return nextStepsJob != null && shownJobs.view(nextStepsJob).map(j -> !j.status().finished()).orElse(false);
    }

    /** The print job of the slip, as the printer last reported it. */
    public String getNextStepsStatus() {
        return nextStepsJob == null ? "" : shownJobs.view(nextStepsJob)
                .map(j -> Screens.text(language.getLocale(), "job." + j.status().name())).orElse("");
    }

    public String getRenewalId() { return renewalId; }
    /** Whether the screen keeps polling: only while the write it started is under way. */
    public boolean isTokenWritePending() { return renewalId != null && caseRef != null && issuance.tokenWritePending(caseRef); }
    public String getTokenLabel() { return tokenLabel; }
    public void setTokenLabel(String v) { tokenLabel = v; }
    public String getTokenPin() { return null; }
    public void setTokenPin(String v) { tokenPin = v; }

    public String getCertificatePem() {
        return caseRef == null ? "" : issuance.certificatePem(caseRef).orElse("");
    }

    /** The case's type and variant by name, in the screen's language. */
    public String typeName(RenewalCase k) {
        var type = triage.catalogue().type(k.typeCode());
        return type.name().in(language.getLocale()) + (type.variants().size() > 1 ? " / " + type.variant(k.variantCode()).name().in(language.getLocale()) : "");
    }

    public String stateText(RenewalCase.State s) {
        return Screens.text(language.getLocale(), "case.state." + s.name());
    }

    public String getCertificate() { return certificate; }
    public void setCertificate(String v) { certificate = v; }
    public String getTypeCode() { return typeCode; }
    public void setTypeCode(String v) { typeCode = v; }
    public String getVariantCode() { return variantCode; }
    public void setVariantCode(String v) { variantCode = v; }
    public Integer getYears() { return years; }
    public void setYears(Integer v) { years = v; }
    public boolean isArChanged() { return arChanged; }
    public void setArChanged(boolean v) { arChanged = v; }
    public String getNames() { return names; }
    public void setNames(String v) { names = v; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String v) { delivery = v; }
    public String getCaseRef() { return caseRef; }
    public void setCaseRef(String v) { caseRef = v; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String v) { idNumber = v; }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String v) { dateOfBirth = v; }
    /** The name to compare with the card: for a form prepared at the kiosk, the name it was printed with (the register's). */
    public String getNameOnForm() {
        if (nameOnForm == null && getKioskPrepared() != null && getView() != null) {
            return getView().certificate().subjectName();
        }
        return nameOnForm;
    }
    public void setNameOnForm(String v) { nameOnForm = v; }
    public String getPinEnvelope() { return pinEnvelope; }
    public void setPinEnvelope(String v) { pinEnvelope = v; }
    public String getMediumArticle() { return mediumArticle; }
    public void setMediumArticle(String v) { mediumArticle = v; }
    public String getPinArticle() { return pinArticle; }
    public void setPinArticle(String v) { pinArticle = v; }
    public String getCsr() { return csr; }
    public void setCsr(String v) { csr = v; }
    public List<String> getCsrProblems() { return csrProblems; }
    public List<CertificateType> getTypes() {
        return triage.catalogue().types().stream().filter(t -> t.channel() == Channel.COUNTER).toList();
    }
}
