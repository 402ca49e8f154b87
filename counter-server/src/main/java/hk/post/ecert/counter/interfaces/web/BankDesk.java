package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.bankcert.BankIssuance;
import hk.post.ecert.counter.application.bankcert.BankRevocations;
import hk.post.ecert.counter.domain.model.bankcert.RevocationRequest;
import hk.post.ecert.counter.application.pos.TillReceipts;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.application.bankcert.BankCertDesk;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.bankcert.BankApplication;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBank;
import hk.post.ecert.counter.domain.model.bankcert.PostalRenewalRule;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * HKPCA desk screen for Bank-Cert (Bank): find the Licensed Bank, see its certificates and AR history, receive a
 * CPos 798FB application (the sections its type needs), authenticate the AR face to face, take the fee, send it to
 * vetting; vet (another officer), dispatch; record and confirm revocation requests.
 */
@Named
@ViewScoped
public class BankDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BankCertDesk desk;

    @Inject
    BankIssuance issuance;

    @Inject
    BankRevocations revocations;

    @Inject
    PointOfSale pos;

    @Inject
    Checkout checkout;

    @Inject
    TillReceipts receipts;

    @Inject
    StaffSession staff;

    @Inject
    Language language;

    private String bankCode;
    private String appType = BankApplicationType.RENEWAL_AR_UNCHANGED.name();
    private String channel = BankApplication.Channel.IN_PERSON.name();
    private String arName;
    private String arTitle;
    private String arPhone;
    private String arEmail;
    private String arDocType = "HKID";
    private String arDocNumber;
    private String unitName;
    private String certEmail;
    private Integer newYears;
    private String renewSerial;
    private Integer renewYears;
    private String newArAuthorisation;
    private String appRef;
    private String resumeRef;
    private String authDocType = "HKID";
    private String authDocNumber;
    private final TenderForm tender = new TenderForm();
    private String paymentId = PointOfSale.newId("PAY");
    private String article;
    private String vetNote;
    private String revokeSerial;
    private String revokeAr;
    private String noticeReceived;
    private String revokeOn;
    private String revokeReason;

    private void refused(RuntimeException e) {
        Screens.refusedAny(e, language);
    }

    // ---------------------------------------------------------------- the bank

    public List<LicensedBank> getBanks() {
        return desk.banks().all();
    }

    public Optional<BankCertDesk.BankView> getBank() {
        if (bankCode == null || bankCode.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(desk.bank(bankCode));
        } catch (CaseRefusal e) {
            return Optional.empty();
        }
    }

    public List<SubscriberCertificate> getActiveCertificates() {
        return getBank().map(b -> b.certificates().stream().filter(c -> c.status(pos.today()) == CertificateStatus.ACTIVE).toList())
                .orElse(List.of());
    }

    public String status(SubscriberCertificate c) {
        return c.status(pos.today()).name();
    }

    public void show() {
        appRef = null;
    }

    public void checkPostal() {
        try {
            PostalRenewalRule.Decision d = desk.postalDecision(bankCode, BankApplicationType.valueOf(appType), arDocType, arDocNumber);
            if (d.acceptable()) {
                Screens.info(d.reason().in(language.getLocale()));
            } else {
                Screens.error(d.reason().in(language.getLocale()));
            }
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    // ---------------------------------------------------------------- receiving

    public List<BankApplicationType> getTypes() {
        return List.of(BankApplicationType.values());
    }

    @Inject
    Triage triage;

    public String typeName(String code) {
        return triage.catalogue().type(BankCertDesk.TYPE).variant(code).name().in(language.getLocale());
    }

    public boolean isSectionC() {
        return BankApplication.newCertificate(BankApplicationType.valueOf(appType));
    }

    public boolean isSectionD() {
        return BankApplication.renewal(BankApplicationType.valueOf(appType));
    }

    public boolean isArChanged() {
        return BankApplicationType.valueOf(appType) == BankApplicationType.RENEWAL_AR_CHANGED;
    }

    public void receive() {
        try {
            BankApplicationType t = BankApplicationType.valueOf(appType);
            BankApplication.Sections s = new BankApplication.Sections(arName, arTitle, arPhone, arEmail,
                    isSectionC() ? unitName : null, isSectionC() ? certEmail : null, isSectionC() ? newYears : null,
                    isSectionD() ? renewSerial : null, isSectionD() ? renewYears : null, isArChanged() ? newArAuthorisation : null);
            BankApplication a = desk.receive(staff.getUsername(), bankCode, t, BankApplication.Channel.valueOf(channel), s,
                    arDocType, arDocNumber);
            appRef = a.ref();
            arDocNumber = null;
            Screens.info(Screens.text(language.getLocale(), "bank.received", a.ref()));
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void resume() {
        Optional<BankCertDesk.View> v = desk.view(resumeRef == null ? "" : resumeRef.trim().toUpperCase());
        if (v.isEmpty()) {
            Screens.error(Screens.text(language.getLocale(), "bank.noApplication", resumeRef));
            return;
        }
        appRef = v.get().application().ref();
        bankCode = v.get().application().bankCode();
    }

    // ---------------------------------------------------------------- the application

    public Optional<BankCertDesk.View> getCurrent() {
        return appRef == null ? Optional.empty() : desk.view(appRef);
    }

    public void authenticate() {
        try {
            desk.authenticate(appRef, staff.getUsername(), authDocType, authDocNumber);
            authDocNumber = null;
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public TenderForm getTender() {
        return tender;
    }

    public String getNextPaymentId() {
        return paymentId;
    }

    public void pay() {
        try {
            Optional<SaleOutcome> sale = Screens.payAtDesk(paymentId, checkout, pos, receipts, staff, language,
                    Screens.receiptLanguage(language), () -> tender.tenders(language.getLocale()),
                    List.of(new Payable.BankCertFee(appRef)));
            if (sale.isPresent()) {
                paymentId = PointOfSale.newId("PAY");
                tender.clear();
                Screens.info(Screens.text(language.getLocale(), "bank.paid", sale.get().total().toString(), sale.get().change().toString()));
            }
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void submit() {
        try {
            desk.submit(appRef, staff.getUsername());
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void dispatch() {
        try {
            desk.dispatch(appRef, staff.getUsername(), article);
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public String getChainPem() {
        return issuance.chainPem();
    }

    // ---------------------------------------------------------------- vetting

    public List<BankCertDesk.View> getQueue() {
        return desk.queue();
    }

    public void approve(String ref) {
        try {
            java.util.List<String> pins = issuance.approve(ref, staff.getUsername(), vetNote);
            Screens.info(Screens.text(language.getLocale(), "bank.approved", ref, String.join("; ", pins)));
            vetNote = null;
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void reject(String ref) {
        try {
            desk.reject(ref, staff.getUsername(), vetNote);
            vetNote = null;
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void moreDocuments(String ref) {
        try {
            desk.requestDocuments(ref, staff.getUsername(), vetNote);
            vetNote = null;
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    // ---------------------------------------------------------------- revocation

    public String getEarliestRevocation() {
        return RevocationRequest.earliest(pos.today()).toString();
    }

    public void requestRevocation() {
        try {
            LocalDate received = noticeReceived == null || noticeReceived.isBlank() ? pos.today() : LocalDate.parse(noticeReceived.trim());
            LocalDate on = revokeOn == null || revokeOn.isBlank() ? null : LocalDate.parse(revokeOn.trim());
            var r = revocations.requestRevocation(staff.getUsername(), bankCode, revokeSerial, revokeAr, received, on, revokeReason);
            Screens.info(Screens.text(language.getLocale(), "bank.revocationRecorded", r.requestRef(), r.revokeOn().toString()));
            revokeReason = null;
        } catch (DateTimeParseException e) {
            Screens.error(Screens.text(language.getLocale(), "fee.badDate", e.getParsedString()));
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void confirmRevocation(String ref) {
        try {
            revocations.confirmRevocation(ref, staff.getUsername());
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    public void withdrawRevocation(String ref) {
        try {
            revocations.withdrawRevocation(ref, staff.getUsername());
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    // ---------------------------------------------------------------- fields

    public String getBankCode() { return bankCode; }
    public void setBankCode(String v) { bankCode = v; }
    public String getAppType() { return appType; }
    public void setAppType(String v) { appType = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getArName() { return arName; }
    public void setArName(String v) { arName = v; }
    public String getArTitle() { return arTitle; }
    public void setArTitle(String v) { arTitle = v; }
    public String getArPhone() { return arPhone; }
    public void setArPhone(String v) { arPhone = v; }
    public String getArEmail() { return arEmail; }
    public void setArEmail(String v) { arEmail = v; }
    public String getArDocType() { return arDocType; }
    public void setArDocType(String v) { arDocType = v; }
    public String getArDocNumber() { return arDocNumber; }
    public void setArDocNumber(String v) { arDocNumber = v; }
    public String getUnitName() { return unitName; }
    public void setUnitName(String v) { unitName = v; }
    public String getCertEmail() { return certEmail; }
    public void setCertEmail(String v) { certEmail = v; }
    public Integer getNewYears() { return newYears; }
    public void setNewYears(Integer v) { newYears = v; }
    public String getRenewSerial() { return renewSerial; }
    public void setRenewSerial(String v) { renewSerial = v; }
    public Integer getRenewYears() { return renewYears; }
    public void setRenewYears(Integer v) { renewYears = v; }
    public String getNewArAuthorisation() { return newArAuthorisation; }
    public void setNewArAuthorisation(String v) { newArAuthorisation = v; }
    public String getResumeRef() { return resumeRef; }
    public void setResumeRef(String v) { resumeRef = v; }
    public String getAuthDocType() { return authDocType; }
    public void setAuthDocType(String v) { authDocType = v; }
    public String getAuthDocNumber() { return authDocNumber; }
    public void setAuthDocNumber(String v) { authDocNumber = v; }
    public String getArticle() { return article; }
    public void setArticle(String v) { article = v; }
    public String getVetNote() { return vetNote; }
    public void setVetNote(String v) { vetNote = v; }
    public String getRevokeSerial() { return revokeSerial; }
    public void setRevokeSerial(String v) { revokeSerial = v; }
    public String getRevokeAr() { return revokeAr; }
    public void setRevokeAr(String v) { revokeAr = v; }
    public String getNoticeReceived() { return noticeReceived; }
    public void setNoticeReceived(String v) { noticeReceived = v; }
    public String getRevokeOn() { return revokeOn; }
    public void setRevokeOn(String v) { revokeOn = v; }
    public String getRevokeReason() { return revokeReason; }
    public void setRevokeReason(String v) { revokeReason = v; }
    public String getAppRef() { return appRef; }
}
