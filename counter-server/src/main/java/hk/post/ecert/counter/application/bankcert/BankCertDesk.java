package hk.post.ecert.counter.application.bankcert;

import hk.post.ecert.counter.application.DispatchMedia;
import hk.post.ecert.counter.domain.model.fee.FeeItem;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.bankcert.ArAuthentication;
import hk.post.ecert.counter.domain.model.bankcert.ArIdentity;
import hk.post.ecert.counter.domain.model.bankcert.BankApplication;
import hk.post.ecert.counter.domain.model.bankcert.BankApplications;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBank;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBanks;
import hk.post.ecert.counter.domain.model.bankcert.PostalRenewalRule;
import hk.post.ecert.counter.domain.model.bankcert.RevocationRequest;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.ArticleNumber;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.service.KeyedDigest;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * HKPCA's desk for Bank-Cert (Bank) (CPos 798FB): the Licensed Bank, its certificates and its AR history; an
 * application by type with the AR's face-to-face authentication (or, for a renewal, by post when the rule allows);
 * the Annex 2 documents through document capture; the fee at the desk's till; vetting by another officer; issuance by
 * the "2-15" CA for 1–3 years; dispatch by registered mail; and revocation requests with a month's notice.
 */
@ApplicationScoped
public class BankCertDesk {

    private static final Logger LOG = Logger.getLogger(BankCertDesk.class.getName());
    public static final String TYPE = "BANK_CERT_BANK";

    @Inject
    BankApplications applications;

    @Inject
    SubscriberRegistry registry;

    @Inject
    Triage triage;

    @Inject
    CaptureDesk capture;


    @Inject
    KeyedDigest digest;

    /** A file an operator keeps from the HKMA register, in the shape of {@code catalogue/licensed-banks.json}. */
    @Inject
    @ConfigProperty(name = "counter.banks.file")
    Optional<String> banksFile;

    private LicensedBanks banks;

    @PostConstruct
    void load() {
        try {
            banks = banksFile.isPresent() ? LicensedBanks.load(Path.of(banksFile.get())) : LicensedBanks.loadDefault();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of Licensed Banks " + banksFile.orElse(""), e);
        }
    }

    public LicensedBanks banks() {
        return banks;
    }

    /** What the officer sees of a bank: its certificates, its AR history, and its open revocation requests. */
    public record BankView(LicensedBank bank, List<SubscriberCertificate> certificates, List<ArAuthentication> arHistory,
                           List<RevocationRequest> revocations, List<String> applications) {
        public Optional<ArAuthentication> currentAr() {
            return arHistory.stream().max(java.util.Comparator.comparing(ArAuthentication::at));
        }
    }

    @Transactional
    public BankView bank(String code) {
        LicensedBank b = banks.byCode(code).orElseThrow(() -> new CaseRefusal("No Licensed Bank with code " + code + ".",
                "沒有編號為 " + code + " 的持牌銀行。"));
        return new BankView(b, registry.ofOrganisation(TYPE, b.brNumber()), arHistory(b.code()), applications.revocations(b.code()),
                applications.refsOfBank(b.code()));
    }

    /** Whether a renewal by post from this AR would be acceptable, for the officer opening mail. */
    @Transactional
    public PostalRenewalRule.Decision postalDecision(String bankCode, BankApplicationType type, String docType, String docNumber) {
        ArIdentity ar = ArIdentity.of(docType, docNumber);
        return PostalRenewalRule.decide(type, bankCode, digest.of(ar.normalised()), arHistory(bankCode));
    }

    // ---------------------------------------------------------------- the application

    /** An application with what the screens show. */
    public record View(BankApplication application, LicensedBank bank, Optional<Quote> quote, boolean documentsSubmitted,
                       Optional<ArAuthentication> authentication, List<String> history, String newCertificatePem,
                       String renewedCertificatePem) {
    }

    @Transactional
    public BankApplication receive(String officer, String bankCode, BankApplicationType type, BankApplication.Channel channel,
                                   BankApplication.Sections sections, String docType, String docNumber) {
        LicensedBank bank = banks.byCode(bankCode).orElseThrow(() -> new CaseRefusal("Choose the Licensed Bank.", "請選擇持牌銀行。"));
        ArIdentity ar = ArIdentity.of(docType, docNumber);
        String ref = "BC-" + registry.today().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        BankApplication a = BankApplication.receive(ref, bank, type, channel, sections, ar, digest.of(ar.normalised()),
                registry.ofOrganisation(TYPE, bank.brNumber()), arHistory(bank.code()), registry.today(), officer);
        applications.add(a, officer, Instant.now());
        Variant v = triage.catalogue().type(TYPE).variant(type.name());
        capture.open(ref, TYPE, type.name(), a.formValues(bank, v.name()), officer);
        event(ref, officer, "received " + type + " " + channel + " for " + bank.name().en() + "; AR " + sections.arName().trim()
                + " (" + ar + ")" + (channel == BankApplication.Channel.BY_POST ? "; by post, AR authenticated earlier (" + a.authId() + ")" : ""));
        return a;
    }

    @Transactional
    public Optional<View> view(String ref) {
        return load(ref).map(a -> {
            LicensedBank bank = banks.byCode(a.bankCode()).orElseThrow();
            boolean docs = capture.find(ref).map(CaptureCase::submitted).orElse(false);
            Optional<ArAuthentication> auth = a.authId() == null ? Optional.empty()
                    : arHistory(a.bankCode()).stream().filter(x -> x.authId().equals(a.authId())).findFirst();
            String[] pems = applications.certificatePems(ref);
            return new View(a, bank, Optional.of(quote(a)), docs, auth, history(ref), pems[0], pems[1]);
        });
    }

    /** The fee: per year of each certificate (new and/or renewed), from the schedule in force — a setting until published. */
    public Quote quote(BankApplication a) {
        Variant v = triage.catalogue().type(TYPE).variant(a.type().name());
        List<Quote.Line> lines = new ArrayList<>();
        List<FeeItem> notSet = new ArrayList<>();
        List<Integer> terms = new ArrayList<>();
        if (BankApplication.newCertificate(a.type())) {
            terms.add(a.sections().newYears());
        }
        if (BankApplication.renewal(a.type())) {
            terms.add(a.sections().renewYears());
        }
        for (int years : terms) {
            Quote q = triage.fees().quoteRenewal(v, years, 0, registry.today());
            lines.addAll(q.lines());
            q.notSet().stream().filter(i -> !notSet.contains(i)).forEach(notSet::add);
        }
        return new Quote(notSet.isEmpty() ? lines : List.of(), notSet);
    }

    /** The AR's face-to-face authentication at the desk, recorded in the bank's AR history. */
    @Transactional
    public ArAuthentication authenticate(String ref, String officer, String docType, String docNumber) {
        BankApplication a = load(ref).orElseThrow();
        ArIdentity presented = ArIdentity.of(docType, docNumber);
        String authId = "AR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        a.authenticated(authId, digest.of(presented.normalised()));
        ArAuthentication auth = new ArAuthentication(authId, a.bankCode(), a.sections().arName().trim().toUpperCase(Locale.ROOT),
                presented.type(), presented.masked(), a.arIdDigest(), officer, Instant.now(), ref);
        applications.addArAuthentication(auth);
        save(a);
        event(ref, officer, "AR " + auth.arName() + " authenticated face to face (" + presented + ")");
        return auth;
    }


    @Transactional
    public void submit(String ref, String officer) {
        BankApplication a = load(ref).orElseThrow();
        boolean docs = capture.find(ref).map(CaptureCase::submitted).orElse(false);
        if (docs && a.type() == BankApplicationType.RENEWAL_AR_CHANGED
                && capture.documents(ref).stream().noneMatch(d -> d.docKey().startsWith("AR_AUTHORISATION"))) {
            throw new CaseRefusal("The AR changed: the bank's authorisation of the new AR is among the documents needed.",
                    "已更換獲授權代表：須提交銀行對新獲授權代表的授權文件。");
        }
        a.submit(docs);
        save(a);
        event(ref, officer, "sent for vetting");
    }

    // ---------------------------------------------------------------- vetting and issuance

    @Transactional
    public List<View> queue() {
        List<String> refs = applications.refsIn(BankApplication.State.SUBMITTED);
        return refs.stream().map(r -> view(r).orElseThrow()).toList();
    }

    @Inject
    DispatchMedia media;

    @Transactional
    public void reject(String ref, String officer, String reasons) {
        BankApplication a = load(ref).orElseThrow();
        a.rejected(officer, reasons);
        save(a);
        event(ref, officer, "rejected: " + reasons.trim());
    }

    @Transactional
    public void requestDocuments(String ref, String officer, String what) {
        BankApplication a = load(ref).orElseThrow();
        a.moreDocuments(officer, what);
        save(a);
        event(ref, officer, "more documents requested: " + what.trim());
    }

    /** The certificate medium goes to the bank by registered mail (article number recorded). */
    @Transactional
    public void dispatch(String ref, String officer, String article) {
        BankApplication a = load(ref).orElseThrow();
        String s10 = ArticleNumber.check(article);
        a.dispatched(s10);
        save(a);
        media.dispatched(ref + "-NEW");
        media.dispatched(ref + "-RENEWED");
        event(ref, officer, "dispatched by registered mail " + s10 + "; the medium files are deleted");
    }

    // ---------------------------------------------------------------- persistence

    public List<ArAuthentication> arHistory(String bankCode) {
        return applications.arHistory(bankCode);
    }

    /** Seeds an AR authentication from an earlier application (DEMO data and migration of records kept elsewhere). */
    @Transactional
    public void recordEarlierAuthentication(String bankCode, String arName, String docType, String docNumber, String officer,
                                            Instant at, String applicationRef) {
        ArIdentity ar = ArIdentity.of(docType, docNumber);
        applications.addArAuthentication(new ArAuthentication("AR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                bankCode, arName.toUpperCase(Locale.ROOT), ar.type(), ar.masked(), digest.of(ar.normalised()), officer, at, applicationRef));
    }

    void save(BankApplication a) {
        applications.save(a);
    }

    /** Loads an application, locking its row for the rest of the transaction. */
    public Optional<BankApplication> load(String ref) {
        return applications.lock(ref == null ? "" : ref.trim().toUpperCase(Locale.ROOT));
    }

    void event(String ref, String actor, String what) {
        applications.event(ref, actor, what);
    }

    private List<String> history(String ref) {
        return applications.history(ref);
    }
}
