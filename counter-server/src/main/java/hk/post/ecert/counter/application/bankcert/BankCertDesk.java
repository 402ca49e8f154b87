package hk.post.ecert.counter.application.bankcert;

import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.CaseEvents;
import hk.post.ecert.counter.application.CounterJournal;
import hk.post.ecert.counter.application.OnBehalfIssuance;
import hk.post.ecert.counter.application.Sql;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.application.pos.TillBook;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.bankcert.ArAuthentication;
import hk.post.ecert.counter.domain.model.bankcert.ArIdentity;
import hk.post.ecert.counter.domain.model.bankcert.BankApplication;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBank;
import hk.post.ecert.counter.domain.model.bankcert.LicensedBanks;
import hk.post.ecert.counter.domain.model.bankcert.PostalRenewalRule;
import hk.post.ecert.counter.domain.model.bankcert.RevocationRequest;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.issuance.CertificateProfile;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.ArticleNumber;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.service.CertificateAuthority;
import hk.post.ecert.counter.infrastructure.registry.LookupDigest;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    SubscriberRegistry registry;

    @Inject
    Triage triage;

    @Inject
    CaptureDesk capture;

    @Inject
    PointOfSale pos;

    @Inject
    CertificateAuthority ca;

    @Inject
    CounterJournal journal;

    @Inject
    LookupDigest digest;

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

    private <T> T db(Sql.Work<T> w) {
        return Sql.run(dataSource, w);
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
        return new BankView(b, registry.ofOrganisation(TYPE, b.brNumber()), arHistory(b.code()), revocations(b.code()),
                db(c -> strings(c, "SELECT app_ref FROM bank_application WHERE bank_code = ? ORDER BY received_at DESC", b.code())));
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
        insert(a, officer);
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
            String[] pems = db(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT new_cert_pem, renewed_cert_pem FROM bank_application WHERE app_ref = ?")) {
                    s.setString(1, ref);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return new String[] {rs.getString(1), rs.getString(2)};
                    }
                }
            });
            return new View(a, bank, Optional.of(quote(a)), docs, auth, history(ref), pems[0], pems[1]);
        });
    }

    /** The fee: per year of each certificate (new and/or renewed), from the schedule in force — a setting until published. */
    Quote quote(BankApplication a) {
        Variant v = triage.catalogue().type(TYPE).variant(a.type().name());
        List<Quote.Line> lines = new ArrayList<>();
        List<hk.post.ecert.counter.domain.model.fee.FeeItem> notSet = new ArrayList<>();
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
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bank_ar_authentication (auth_id, bank_code, ar_name, doc_type,"
                    + " id_masked, id_digest, officer, authenticated_at, application_ref) VALUES (?,?,?,?,?,?,?,?,?)")) {
                s.setString(1, auth.authId());
                s.setString(2, auth.bankCode());
                s.setString(3, auth.arName());
                s.setString(4, auth.documentType().name());
                s.setString(5, auth.idMasked());
                s.setString(6, auth.idDigest());
                s.setString(7, officer);
                s.setTimestamp(8, Timestamp.from(auth.at()));
                s.setString(9, ref);
                return s.executeUpdate();
            }
        });
        save(a);
        event(ref, officer, "AR " + auth.arName() + " authenticated face to face (" + presented + ")");
        return auth;
    }

    /** Takes the fee at the desk's till; a repeat of the payment id changes nothing. */
    @Transactional
    public SaleOutcome pay(String ref, String paymentId, String tillId, String officer, List<Tender> tenders) {
        BankApplication a = load(ref).orElseThrow();
        if (paymentId.equals(a.paymentId())) {
            return pos.saleByPayment(paymentId).orElseThrow();
        }
        Quote q = quote(a);
        if (!q.isSet()) {
            throw new CaseRefusal("Fee not set: " + String.join(", ", q.notSet().stream().map(i -> i.name().en()).toList())
                    + ". HKPCA has not published it; an administrator enters it on the Fees screen before the desk can charge it.",
                    "費用未設定：" + String.join("、", q.notSet().stream().map(i -> i.name().zh()).toList())
                            + "。香港郵政核證機關尚未公布；須由管理員在「費用」畫面輸入後，方可收費。");
        }
        List<SaleLine> lines = q.lines().stream().map(l -> new SaleLine(ref, l.item().code(), l.item().name(), TYPE,
                l.quantity(), l.amount())).toList();
        a.paid(paymentId);
        SaleOutcome sale = pos.pay(paymentId, tillId, officer, lines, tenders);
        save(a);
        event(ref, officer, "paid " + sale.total() + " (" + sale.transactionNo() + ")");
        return sale;
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
        List<String> refs = db(c -> strings(c, "SELECT app_ref FROM bank_application WHERE state = ? ORDER BY received_at", "SUBMITTED"));
        return refs.stream().map(r -> view(r).orElseThrow()).toList();
    }

    @Inject
    hk.post.ecert.counter.application.DispatchMedia media;

    /**
     * Approves and issues through the "2-15" CA: a new certificate (section C) and/or the renewal (section D). Each
     * certificate's medium file (PKCS#12) is kept for dispatch; the PINs that open them are returned once, for the
     * PIN envelopes, and never stored.
     */
    @Transactional
    public List<String> approve(String ref, String officer, String note) {
        List<String> pins = new ArrayList<>();
        BankApplication a = load(ref).orElseThrow();
        a.vetting(officer);
        LicensedBank bank = banks.byCode(a.bankCode()).orElseThrow();
        String newSerial = null;
        String renewedSerial = null;
        String newPem = null;
        String renewedPem = null;
        LocalDate today = registry.today();
        if (BankApplication.newCertificate(a.type())) {
            OnBehalfIssuance.Medium m = issue(a, bank, a.sections().unitName(), a.sections().certEmail(), a.sections().newYears());
            CertificateAuthority.Issued issued = m.issued();
            media.keep(ref + "-NEW", m);
            pins.add("new certificate " + issued.serialHex() + ": " + new String(m.pin()));
            newSerial = issued.serialHex();
            newPem = pem(issued.certificateDer());
            String srn = String.format("SRN-B-%06d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000));
            registry.register(new SubscriberCertificate(newSerial, srn, TYPE, a.type().name(), issued.issuingCa(), bank.name().en(),
                    null, bank.brNumber(), today, today.plusYears(a.sections().newYears()), null, CertificateStatus.ACTIVE,
                    "FILE", a.sections().arName().trim().toUpperCase(Locale.ROOT), false), Optional.empty());
            issuedEvent(ref, officer, issued, null);
        }
        if (BankApplication.renewal(a.type())) {
            String old = a.sections().renewSerial().trim().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
            SubscriberCertificate cert = registry.bySerial(old).orElseThrow();
            if (cert.newApplicationNeeded(today).isPresent()) {
                throw new CaseRefusal(cert.newApplicationNeeded(today).get());
            }
            OnBehalfIssuance.Medium m = issue(a, bank, a.sections().unitName(), a.sections().arEmail(), a.sections().renewYears());
            CertificateAuthority.Issued issued = m.issued();
            media.keep(ref + "-RENEWED", m);
            pins.add("renewed certificate " + issued.serialHex() + ": " + new String(m.pin()));
            renewedSerial = issued.serialHex();
            renewedPem = pem(issued.certificateDer());
            registry.registerRenewal(new SubscriberCertificate(renewedSerial, cert.srn(), TYPE, a.type().name(), issued.issuingCa(),
                    bank.name().en(), null, bank.brNumber(), today, today.plusYears(a.sections().renewYears()), null,
                    CertificateStatus.ACTIVE, cert.medium(), a.sections().arName().trim().toUpperCase(Locale.ROOT), false), old);
            issuedEvent(ref, officer, issued, old);
        }
        a.issued(officer, newSerial, renewedSerial, note == null ? null : note.trim());
        save(a);
        String np = newPem;
        String rp = renewedPem;
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE bank_application SET new_cert_pem = ?, renewed_cert_pem = ? WHERE app_ref = ?")) {
                s.setString(1, np);
                s.setString(2, rp);
                s.setString(3, ref);
                return s.executeUpdate();
            }
        });
        event(ref, officer, "approved" + (note == null || note.isBlank() ? "" : ": " + note.trim())
                + "; medium file(s) prepared, PIN(s) shown once for the PIN envelope(s)");
        return pins;
    }

    private OnBehalfIssuance.Medium issue(BankApplication a, LicensedBank bank, String unit, String email, int years) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "HK").addRDN(BCStyle.O, bank.name().en());
        if (unit != null && !unit.isBlank()) {
            n.addRDN(BCStyle.OU, unit.trim());
        }
        n.addRDN(BCStyle.CN, bank.name().en());
        if (email != null && !email.isBlank()) {
            n.addRDN(BCStyle.EmailAddress, email.trim());
        }
        return OnBehalfIssuance.issue(ca, n.build(), CertificateProfile.of(TYPE, a.type().name()), years * 365);
    }

    private void issuedEvent(String ref, String officer, CertificateAuthority.Issued issued, String renews) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("application", ref);
        e.put("serial", issued.serialHex());
        if (renews != null) {
            e.put("renews", renews);
        }
        e.put("ca", issued.issuingCa());
        journal.recordAt("REGISTRY", officer, "CERT_ISSUED", e);
        event(ref, officer, "certificate " + issued.serialHex() + " issued by " + issued.issuingCa()
                + (renews == null ? " (new)" : " (renews " + renews + ")"));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----";
    }

    /** The issuing CA's chain (intermediate, root) as PEM, to check an issued certificate against. */
    public String chainPem() {
        StringBuilder b = new StringBuilder();
        for (byte[] der : ca.chain("2-15")) {
            b.append(pem(der)).append('\n');
        }
        return b.toString();
    }

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

    // ---------------------------------------------------------------- revocation

    @Transactional
    public RevocationRequest requestRevocation(String officer, String bankCode, String serialHex, String arName,
                                               LocalDate noticeReceived, LocalDate revokeOn, String reason) {
        LicensedBank bank = banks.byCode(bankCode).orElseThrow();
        String serial = serialHex == null ? "" : serialHex.trim().toLowerCase(Locale.ROOT);
        SubscriberCertificate cert = registry.ofOrganisation(TYPE, bank.brNumber()).stream().filter(c -> c.serialHex().equals(serial))
                .findFirst().orElseThrow(() -> new CaseRefusal("Choose one of this bank's Bank-Cert (Bank) certificates.",
                        "請選擇此銀行的銀行證書（銀行）。"));
        if (cert.status(registry.today()) != CertificateStatus.ACTIVE) {
            throw new CaseRefusal("This certificate is " + cert.status(registry.today()) + "; there is nothing to revoke.",
                    "此證書狀態為 " + cert.status(registry.today()) + "，無須撤銷。");
        }
        boolean pending = revocations(bankCode).stream().anyMatch(r -> r.serialHex().equals(serial) && r.state() == RevocationRequest.State.REQUESTED);
        if (pending) {
            throw new CaseRefusal("A revocation request for this certificate is already waiting for its confirmation.",
                    "此證書已有待確認的撤銷要求。");
        }
        RevocationRequest r = RevocationRequest.receive("RV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                bankCode, serial, arName, noticeReceived, revokeOn, reason, officer, registry.today());
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bank_revocation_request (request_ref, bank_code, serial_hex,"
                    + " ar_name, notice_received, revoke_on, reason, recorded_by, recorded_at, state, version) VALUES (?,?,?,?,?,?,?,?,?,?,0)")) {
                s.setString(1, r.requestRef());
                s.setString(2, bankCode);
                s.setString(3, serial);
                s.setString(4, r.arName());
                s.setDate(5, Date.valueOf(r.noticeReceived()));
                s.setDate(6, Date.valueOf(r.revokeOn()));
                s.setString(7, r.reason());
                s.setString(8, officer);
                s.setTimestamp(9, Timestamp.from(Instant.now()));
                s.setString(10, r.state().name());
                return s.executeUpdate();
            }
        });
        LOG.info(() -> "revocation of " + serial + " requested by the AR of bank " + bankCode + " for " + r.revokeOn());
        return r;
    }

    /** The AR's final confirmation: the certificate is revoked and appears on the 2-15 CRL. */
    @Transactional
    public RevocationRequest confirmRevocation(String requestRef, String officer) {
        RevocationRequest r = revocation(requestRef).confirmed(officer, registry.today());
        updateRevocation(r);
        registry.revoke(r.serialHex(), "Bank-Cert (Bank) revocation requested by the AR (" + r.requestRef() + ")", officer);
        return r;
    }

    @Transactional
    public RevocationRequest withdrawRevocation(String requestRef, String officer) {
        RevocationRequest r = revocation(requestRef).withdrawn(officer);
        updateRevocation(r);
        return r;
    }

    private void updateRevocation(RevocationRequest r) {
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE bank_revocation_request SET state = ?, confirmed_by = ?,"
                    + " version = version + 1 WHERE request_ref = ? AND state = 'REQUESTED'")) {
                s.setString(1, r.state().name());
                s.setString(2, r.confirmedBy());
                s.setString(3, r.requestRef());
                if (s.executeUpdate() != 1) {
                    throw new CaseRefusal("The request changed meanwhile; look again.", "要求已被更改；請重新查看。");
                }
                return 1;
            }
        });
    }

    private RevocationRequest revocation(String ref) {
        return db(c -> revocationsWhere(c, "request_ref", ref)).stream().findFirst()
                .orElseThrow(() -> new CaseRefusal("No revocation request " + ref + ".", "沒有撤銷要求 " + ref + "。"));
    }

    public List<RevocationRequest> revocations(String bankCode) {
        return db(c -> revocationsWhere(c, "bank_code", bankCode));
    }

    private static List<RevocationRequest> revocationsWhere(Connection c, String column, String value) throws SQLException {
        List<RevocationRequest> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM bank_revocation_request WHERE " + column + " = ? ORDER BY recorded_at")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RevocationRequest(rs.getString("request_ref"), rs.getString("bank_code"), rs.getString("serial_hex"),
                            rs.getString("ar_name"), rs.getDate("notice_received").toLocalDate(), rs.getDate("revoke_on").toLocalDate(),
                            rs.getString("reason"), rs.getString("recorded_by"), RevocationRequest.State.valueOf(rs.getString("state")),
                            rs.getString("confirmed_by")));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- persistence

    public List<ArAuthentication> arHistory(String bankCode) {
        return db(c -> {
            List<ArAuthentication> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM bank_ar_authentication WHERE bank_code = ? ORDER BY authenticated_at")) {
                s.setString(1, bankCode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ArAuthentication(rs.getString("auth_id"), rs.getString("bank_code"), rs.getString("ar_name"),
                                ArIdentity.DocumentType.valueOf(rs.getString("doc_type")), rs.getString("id_masked"),
                                rs.getString("id_digest"), rs.getString("officer"), rs.getTimestamp("authenticated_at").toInstant(),
                                rs.getString("application_ref")));
                    }
                }
            }
            return out;
        });
    }

    /** Seeds an AR authentication from an earlier application (DEMO data and migration of records kept elsewhere). */
    @Transactional
    public void recordEarlierAuthentication(String bankCode, String arName, String docType, String docNumber, String officer,
                                            Instant at, String applicationRef) {
        ArIdentity ar = ArIdentity.of(docType, docNumber);
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bank_ar_authentication (auth_id, bank_code, ar_name, doc_type,"
                    + " id_masked, id_digest, officer, authenticated_at, application_ref) VALUES (?,?,?,?,?,?,?,?,?)")) {
                s.setString(1, "AR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
                s.setString(2, bankCode);
                s.setString(3, arName.toUpperCase(Locale.ROOT));
                s.setString(4, ar.type().name());
                s.setString(5, ar.masked());
                s.setString(6, digest.of(ar.normalised()));
                s.setString(7, officer);
                s.setTimestamp(8, Timestamp.from(at));
                s.setString(9, applicationRef);
                return s.executeUpdate();
            }
        });
    }

    private void insert(BankApplication a, String officer) {
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bank_application (app_ref, bank_code, app_type, channel, ar_name,"
                    + " ar_title, ar_phone, ar_email, unit_name, cert_email, new_years, renew_serial, renew_years, new_ar_authorisation,"
                    + " ar_doc_type, ar_id_masked, ar_id_digest, received_by, received_at, state, auth_id, version)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
                BankApplication.Sections x = a.sections();
                s.setString(1, a.ref());
                s.setString(2, a.bankCode());
                s.setString(3, a.type().name());
                s.setString(4, a.channel().name());
                s.setString(5, x.arName().trim().toUpperCase(Locale.ROOT));
                s.setString(6, x.arTitle().trim());
                s.setString(7, trim(x.arPhone()));
                s.setString(8, trim(x.arEmail()));
                s.setString(9, trim(x.unitName()));
                s.setString(10, trim(x.certEmail()));
                setInt(s, 11, x.newYears());
                s.setString(12, x.renewSerial() == null || x.renewSerial().isBlank() ? null
                        : x.renewSerial().trim().toLowerCase(Locale.ROOT).replaceFirst("^0x", ""));
                setInt(s, 13, x.renewYears());
                s.setString(14, trim(x.newArAuthorisation()));
                s.setString(15, a.arDocument().name());
                s.setString(16, a.arIdMasked());
                s.setString(17, a.arIdDigest());
                s.setString(18, officer);
                s.setTimestamp(19, Timestamp.from(Instant.now()));
                s.setString(20, a.state().name());
                s.setString(21, a.authId());
                return s.executeUpdate();
            }
        });
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, v);
        }
    }

    private void save(BankApplication a) {
        db(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE bank_application SET state = ?, auth_id = ?, payment_id = ?,"
                    + " vetted_by = ?, note = ?, new_serial = ?, renewed_serial = ?, article_no = ?, version = version + 1"
                    + " WHERE app_ref = ?")) {
                s.setString(1, a.state().name());
                s.setString(2, a.authId());
                s.setString(3, a.paymentId());
                s.setString(4, a.vettedBy());
                s.setString(5, a.note());
                s.setString(6, a.newSerial());
                s.setString(7, a.renewedSerial());
                s.setString(8, a.articleNo());
                s.setString(9, a.ref());
                return s.executeUpdate();
            }
        });
    }

    /** Loads an application, locking its row for the rest of the transaction. */
    public Optional<BankApplication> load(String ref) {
        String r = ref == null ? "" : ref.trim().toUpperCase(Locale.ROOT);
        return db(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM bank_application WHERE app_ref = ? FOR UPDATE")) {
                s.setString(1, r);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    BankApplication.Sections x = new BankApplication.Sections(rs.getString("ar_name"), rs.getString("ar_title"),
                            rs.getString("ar_phone"), rs.getString("ar_email"), rs.getString("unit_name"), rs.getString("cert_email"),
                            intOrNull(rs, "new_years"), rs.getString("renew_serial"), intOrNull(rs, "renew_years"),
                            rs.getString("new_ar_authorisation"));
                    return Optional.of(new BankApplication(rs.getString("app_ref"), rs.getString("bank_code"),
                            BankApplicationType.valueOf(rs.getString("app_type")), BankApplication.Channel.valueOf(rs.getString("channel")),
                            x, ArIdentity.DocumentType.valueOf(rs.getString("ar_doc_type")), rs.getString("ar_id_masked"),
                            rs.getString("ar_id_digest"), rs.getString("received_by"), BankApplication.State.valueOf(rs.getString("state")),
                            rs.getString("auth_id"), rs.getString("payment_id"), rs.getString("vetted_by"), rs.getString("note"),
                            rs.getString("new_serial"), rs.getString("renewed_serial"), rs.getString("article_no"), rs.getLong("version")));
                }
            }
        });
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private void event(String ref, String actor, String what) {
        new CaseEvents(dataSource, "bank_application_event", "app_ref").record(ref, actor, what);
    }

    private List<String> history(String ref) {
        return new CaseEvents(dataSource, "bank_application_event", "app_ref").history(ref);
    }

    private static List<String> strings(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
