package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.domain.model.catalogue.CounterMedia;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.renewal.OutsideWindowApproval;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renewal cases at the counter: open (rules 1, 3, 4, 5, 7), identity (rule 8), documents (through document capture,
 * rule 9), payment at the till, and to HKPCA vetting as soon as every step is done. The vetting desk is
 * {@link CaseVetting}; issuance and delivery are {@link RenewalIssuance}.
 */
@ApplicationScoped
public class RenewalCases {

    @Inject
    SubscriberRegistry registry;

    @Inject
    Triage triage;

    @Inject
    CaptureDesk capture;

    @Inject
    RenewalCaseRepository repository;

    /** The DEMO software token (SoftHSM2) is offered as a medium only in demo mode. */
    @Inject
    @ConfigProperty(name = "counter.demo", defaultValue = "false")
    boolean demo;

    /** Rule 3's window of each type, with the operator's setting for that type. */
    @Inject
    RenewalWindows windows;

    /** A case with its certificate and history, for the screens. */
    public record View(RenewalCase renewal, SubscriberCertificate certificate, List<String> history, Optional<Quote> quote,
                       boolean documentsSubmitted, List<String> newNames) {
    }

    @Inject
    NewServerNames newServerNames;

    // ---------------------------------------------------------------- counter

    @Transactional
    public RenewalCase open(String clerk, String srnOrSerial, String variantCode, int years, boolean arChanged, List<String> names,
                            RenewalCase.Delivery delivery) {
        return open(clerk, srnOrSerial, variantCode, years, arChanged, names, delivery, null);
    }


    /** Opens a case; for token delivery {@code mediumProfile} is the medium it will be written onto (null: the variant's). */
    @Transactional
    public RenewalCase open(String clerk, String srnOrSerial, String variantCode, int years, boolean arChanged, List<String> names,
                            RenewalCase.Delivery delivery, String mediumProfile) {
        return open(clerk, srnOrSerial, variantCode, years, arChanged, names, delivery, mediumProfile, 0);
    }

    /** As above, with the additional servers a "Wildcard" case pays for. */
    @Transactional
    public RenewalCase open(String clerk, String srnOrSerial, String variantCode, int years, boolean arChanged, List<String> names,
                            RenewalCase.Delivery delivery, String mediumProfile, int additionalServers) {
        return open(clerk, srnOrSerial, variantCode, years, arChanged, names, delivery, mediumProfile, additionalServers, Map.of());
    }

    /** As above, with what the customer typed for the form at a kiosk (issue 17); the register's values come first. */
    @Transactional
    public RenewalCase open(String clerk, String srnOrSerial, String variantCode, int years, boolean arChanged, List<String> names,
                            RenewalCase.Delivery delivery, String mediumProfile, int additionalServers, Map<String, String> customerTyped) {
        return open(clerk, srnOrSerial, variantCode, years, arChanged, names, delivery, mediumProfile, additionalServers, customerTyped, null);
    }

    @Inject
    WindowApprovals windowApprovals;

    /**
     * As above; a renewal before the certificate's usual window opens takes a supervisor's approval with a reason,
     * which the case's history and the journal record (issue 29).
     */
    @Transactional
    public RenewalCase open(String clerk, String srnOrSerial, String variantCode, int years, boolean arChanged, List<String> names,
                            RenewalCase.Delivery delivery, String mediumProfile, int additionalServers, Map<String, String> customerTyped,
                            WindowApprovals.OutsideWindow outsideWindow) {
        SubscriberCertificate cert = find(clerk, srnOrSerial);
        String caseRef = "RC-" + registry.today().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        OutsideWindowApproval approval = windowApprovals.approval(cert, outsideWindow);
        RenewalCase k = RenewalCase.open(caseRef, cert, triage.catalogue(), variantCode, years, arChanged, names, delivery,
                registry.today(), windows.setting(cert.typeCode()), clerk, mediumProfile, demo, additionalServers, approval);
        insert(k);
        if (approval != null) {
            windowApprovals.record(caseRef, cert, clerk, approval);
        }
        List<String> beyond = newServerNames.of(k);
        if (!beyond.isEmpty()) {
            event(caseRef, clerk, "names beyond the renewed certificate's, for HKPCA to approve: " + beyond);
        }
        Map<String, String> values = new java.util.LinkedHashMap<>(customerTyped);
        values.putAll(k.formValues(cert, triage.catalogue().type(cert.typeCode()).variant(variantCode)));
        capture.open(caseRef, cert.typeCode(), variantCode, values, clerk);
        event(caseRef, clerk, "opened: renew " + cert.srn() + " (" + cert.serialHex() + ") as " + variantCode + " for " + years
                + " year(s)" + (arChanged ? ", AR changed" : "") + (k.approvedNames().isEmpty() ? "" : ", names " + k.approvedNames())
                + (k.mediumProfile() == null ? "" : k.delivery() == RenewalCase.Delivery.DISPATCH
                ? ", to be posted on " + CounterMedia.postedName(k.mediumProfile()) : ", to be written onto " + k.mediumProfile()));
        return k;
    }

    /**
     * Rule 1 for e-Cert (Server): a free re-issue within the paid subscription — the same approved names (those of the
     * case that issued the certificate, or its own name), a new CSR, no fee.
     */
    @Transactional
    public RenewalCase openReissue(String clerk, String srnOrSerial) {
        SubscriberCertificate cert = find(clerk, srnOrSerial);
        List<String> names = repository.approvedNamesOfIssued(cert.serialHex()).orElse(List.of(cert.subjectName()));
        String caseRef = "RC-" + registry.today().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        RenewalCase k = RenewalCase.openReissue(caseRef, cert, triage.catalogue(), names, registry.today(), clerk);
        insert(k);
        event(caseRef, clerk, "opened: free re-issue of " + cert.srn() + " (" + cert.serialHex() + ") within the subscription to "
                + cert.subscriptionEnd() + ", names " + k.approvedNames());
        return k;
    }

    /** Whether this certificate is due a free re-issue within its subscription today (e-Cert (Server)). */
    public boolean reissueDue(SubscriberCertificate cert) {
        return cert.reissueDue(registry.variantOf(cert), registry.today(), RenewalCase.REISSUE_LEAD_DAYS);
    }

    private SubscriberCertificate find(String clerk, String srnOrSerial) {
        String v = srnOrSerial == null ? "" : srnOrSerial.trim().toUpperCase(Locale.ROOT);
        List<SubscriberCertificate> found = registry.lookup(v.startsWith("SRN-") ? SubscriberRegistry.LookupBy.SRN
                : SubscriberRegistry.LookupBy.SERIAL, v, "renewal case", clerk);
        if (found.isEmpty()) {
            throw new CaseRefusal("No certificate " + v + ".", "沒有證書 " + v + "。");
        }
        // the newest certificate of the subscriber is the one renewed
        return found.get(0);
    }

    @Transactional
    public Optional<View> view(String caseRef) {
        return load(caseRef).map(k -> {
            SubscriberCertificate cert = registry.bySerial(k.serialHex()).orElseThrow();
            Optional<Quote> quote = Optional.of(quote(k));
            boolean docs = capture.find(caseRef).map(CaptureCase::submitted).orElse(false);
            return new View(k, cert, history(caseRef), quote, docs, newServerNames.of(k));
        });
    }

    /** The case's fee as the schedule in force today prices it (nothing for a re-issue within the subscription). */
    public Quote quote(RenewalCase k) {
        if (k.reissue()) {
            return new Quote(List.of(), List.of());   // within the paid subscription: nothing to pay
        }
        Variant v = triage.catalogue().type(k.typeCode()).variant(k.variantCode());
        return triage.fees().quoteRenewal(v, k.years(), k.chargedUnits(), registry.today());
    }

    /**
     * Rule 8: the original document compared with the form. Personal: HKID (check digit, and the certificate's own),
     * name and date of birth as on the card and the form.
     */
    @Transactional
    public boolean confirmIdentity(String caseRef, String clerk, String idNumber, String nameOnForm, LocalDate dateOfBirth) {
        RenewalCase k = load(caseRef).orElseThrow();
        SubscriberCertificate cert = registry.bySerial(k.serialHex()).orElseThrow();
        String name = RenewalCase.normalisedName(nameOnForm);
        if ("PERSONAL".equals(k.typeCode())) {
            RenewalCase.PersonalIdentity id = RenewalCase.checkPersonalIdentity(cert, idNumber, nameOnForm, dateOfBirth,
                    h -> registry.hkidMatches(cert.serialHex(), h), dob -> registry.dateOfBirthMatches(cert.serialHex(), dob));
            event(caseRef, clerk, "identity checked: HKID " + id.hkid().masked() + ", name and date of birth match the card"
                    + (id.dateOfBirthOnRecord() ? "" : " (no date of birth on record: checked against the form only)"));
        } else {
            String shown = RenewalCase.checkAuthorisedRepresentative(cert, k.arChanged(), name, idNumber);
            event(caseRef, clerk, "AR identity checked face to face: " + name + ", document " + shown);
        }
        k.identityConfirmed(clerk);
        save(k);
        return sendWhenComplete(k, clerk);
    }

    /** The language the customer reads, remembered on the case for its receipt and slips (said once in its history). */
    @Transactional
    public void customerReads(String caseRef, ReceiptLanguage language, String clerk) {
        RenewalCase k = load(caseRef).orElseThrow(() -> noCase(caseRef));
        if (k.customerLanguage().filter(language::equals).isPresent()) {
            return;
        }
        k.customerReads(language);
        save(k);
        event(caseRef, clerk, "the customer reads " + language.name());
    }

    static CaseRefusal noCase(String caseRef) {
        return new CaseRefusal("No case " + caseRef + ".", "沒有個案 " + caseRef + "。");
    }

    /** The case's documents were archived (document capture): a case now complete goes to HKPCA vetting at once. */
    @Transactional
    public boolean documentsSubmitted(String caseRef, String clerk) {
        return sendIfComplete(caseRef, clerk);
    }

    /** A step was done (documents archived, fee paid): a case now complete goes to HKPCA vetting at once. */
    @Transactional
    public boolean sendIfComplete(String caseRef, String clerk) {
        return load(caseRef).map(k -> sendWhenComplete(k, clerk)).orElse(false);
    }

    /** Whether the case is with HKPCA (sent now or before). */
    @Transactional
    public boolean withHkpca(String caseRef) {
        return load(caseRef).map(k -> k.state() == RenewalCase.State.VETTING).orElse(false);
    }

    /**
     * Sends a case prepared at the counter to HKPCA once every step is done (identity, documents, fee, and for a
     * changed AR the authorisation): the clerk has no further step to remember. Returns whether it was sent.
     */
    private boolean sendWhenComplete(RenewalCase k, String clerk) {
        boolean docs = documentsCaptured(k);
        if (!k.completeAtTheCounter(docs) || authorisationMissing(k, docs)) {
            return false;
        }
        k.submitForVetting(docs, clerk);
        save(k);
        event(k.caseRef(), clerk, "sent for vetting (identity, documents and fee complete)");
        return true;
    }

    private boolean documentsCaptured(RenewalCase k) {
        return capture.find(k.caseRef()).map(CaptureCase::submitted).orElse(false);
    }

    /** Rule 4: a changed AR's case needs the authorisation documents among those captured. */
    private boolean authorisationMissing(RenewalCase k, boolean docs) {
        return docs && k.arChanged()
                && capture.documents(k.caseRef()).stream().noneMatch(d -> d.docKey().startsWith("AR_AUTHORISATION"));
    }

    @Transactional
    public void submitForVetting(String caseRef, String clerk) {
        RenewalCase k = load(caseRef).orElseThrow();
        boolean docs = documentsCaptured(k);
        if (authorisationMissing(k, docs)) {
            throw new CaseRefusal("The AR changed: the authorisation documents are needed (rule 4).", "獲授權代表已更改：須提交授權文件。");
        }
        k.submitForVetting(docs, clerk);
        save(k);
        event(caseRef, clerk, "sent for vetting");
    }

    // ---------------------------------------------------------------- persistence

    private void insert(RenewalCase k) {
        repository.add(k);
    }

    private void save(RenewalCase k) {
        repository.save(k);
    }

    /** Loads a case, locking its row for the rest of the transaction (two screens cannot move it at once). */
    public Optional<RenewalCase> load(String caseRef) {
        return repository.lock(caseRef);
    }

    private void event(String caseRef, String actor, String what) {
        repository.event(caseRef, actor, what);
    }

    private List<String> history(String caseRef) {
        return repository.history(caseRef);
    }
}
