package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.vetting.Vetting;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.forms.render.FormDefinition.BankApplicationType;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Bank-Cert (Bank) application received at HKPCA's desk on CPos 798FB. The application type decides the sections
 * (A, B, C for a new certificate; D for the renewal of one), who may submit by post, and what the AR must bring.
 * RECEIVED → SUBMITTED (vetting) → ISSUED → COMPLETED (dispatched), or REJECTED; vetting may send it back to
 * MORE_DOCUMENTS. Every refusal is a {@link CaseRefusal} in both languages; nothing changes on a refusal.
 */
public final class BankApplication {

    public enum Channel { IN_PERSON, BY_POST }

    public enum State { RECEIVED, SUBMITTED, MORE_DOCUMENTS, ISSUED, COMPLETED, REJECTED }

    /** What the officer typed from the form, section by section. */
    public record Sections(String arName, String arTitle, String arPhone, String arEmail, String unitName, String certEmail,
                           Integer newYears, String renewSerial, Integer renewYears, String newArAuthorisation) {
    }

    private final String ref;
    private final String bankCode;
    private final BankApplicationType type;
    private final Channel channel;
    private final Sections sections;
    private final ArIdentity.DocumentType arDocument;
    private final String arIdMasked;
    private final String arIdDigest;
    private final String receivedBy;
    private State state;
    private String authId;
    private String paymentId;
    private String vettedBy;
    private String note;
    private String newSerial;
    private String renewedSerial;
    private String articleNo;
    private long version;

    public BankApplication(String ref, String bankCode, BankApplicationType type, Channel channel, Sections sections,
                           ArIdentity.DocumentType arDocument, String arIdMasked, String arIdDigest, String receivedBy, State state,
                           String authId, String paymentId, String vettedBy, String note, String newSerial, String renewedSerial,
                           String articleNo, long version) {
        this.ref = ref;
        this.bankCode = bankCode;
        this.type = type;
        this.channel = channel;
        this.sections = sections;
        this.arDocument = arDocument;
        this.arIdMasked = arIdMasked;
        this.arIdDigest = arIdDigest;
        this.receivedBy = receivedBy;
        this.state = state;
        this.authId = authId;
        this.paymentId = paymentId;
        this.vettedBy = vettedBy;
        this.note = note;
        this.newSerial = newSerial;
        this.renewedSerial = renewedSerial;
        this.articleNo = articleNo;
        this.version = version;
    }

    public static boolean newCertificate(BankApplicationType t) {
        return t == BankApplicationType.NEW_ONLY || t == BankApplicationType.NEW_AND_RENEWAL;
    }

    public static boolean renewal(BankApplicationType t) {
        return t != BankApplicationType.NEW_ONLY;
    }

    /**
     * Receives an application, checking CPos 798FB's rules against what HKPCA knows of the bank.
     *
     * @param bank          the bank from the list of Licensed Banks
     * @param certificates  the bank's Bank-Cert (Bank) certificates
     * @param arHistory     the bank's AR authentications, any order
     * @param ar            the AR's identity document as written on the form
     * @param arIdDigest    the keyed digest of {@code ar}
     */
    public static BankApplication receive(String ref, LicensedBank bank, BankApplicationType type, Channel channel, Sections s,
                                          ArIdentity ar, String arIdDigest, List<SubscriberCertificate> certificates,
                                          List<ArAuthentication> arHistory, LocalDate today, String officer) {
        if (!bank.listed()) {
            throw new CaseRefusal(bank.name().en() + " is no longer on the list of Licensed Banks: no Bank-Cert (Bank) application.",
                    bank.name().zh() + " 已不在持牌銀行名單上：不接受銀行證書（銀行）申請。");
        }
        // Section B: the Authorised Representative
        if (blank(s.arName()) || blank(s.arTitle())) {
            throw new CaseRefusal("Section B: enter the AR's name and position.", "乙部：請填寫獲授權代表的姓名及職位。");
        }
        if (blank(s.arPhone()) && blank(s.arEmail())) {
            throw new CaseRefusal("Section B: enter the AR's phone or e-mail.", "乙部：請填寫獲授權代表的電話或電郵。");
        }
        if (!blank(s.arEmail()) && !email(s.arEmail())) {
            throw new CaseRefusal("Section B: “" + s.arEmail() + "” is not an e-mail address.", "乙部：「" + s.arEmail() + "」不是電郵地址。");
        }
        // Section C: a new certificate
        if (newCertificate(type)) {
            if (blank(s.unitName())) {
                throw new CaseRefusal("Section C: enter the Authorised Unit.", "丙部：請填寫獲授權單位。");
            }
            if (blank(s.certEmail()) || !email(s.certEmail())) {
                throw new CaseRefusal("Section C: enter the e-mail address for the certificate.", "丙部：請填寫證書內的電郵地址。");
            }
            years("Section C", "丙部", s.newYears());
        } else if (!blank(s.unitName()) || s.newYears() != null) {
            throw new CaseRefusal("Section C is for a new certificate; this application type does not fill it.",
                    "丙部只供新申請填寫；此申請類別不需填寫。");
        }
        // Section D: the certificate to renew, which must be this bank's, and renewable (rule 1)
        if (renewal(type)) {
            years("Section D", "丁部", s.renewYears());
            String serial = blank(s.renewSerial()) ? "" : s.renewSerial().trim().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
            SubscriberCertificate cert = certificates.stream().filter(c -> c.serialHex().equals(serial)).findFirst()
                    .orElseThrow(() -> new CaseRefusal("Section D: " + (serial.isEmpty() ? "enter the serial number of the certificate to renew."
                            : "certificate " + serial + " is not a Bank-Cert (Bank) certificate of " + bank.name().en() + "."),
                            "丁部：" + (serial.isEmpty() ? "請填寫須續期證書的序號。" : "證書 " + serial + " 並非 " + bank.name().zh() + " 的銀行證書（銀行）。")));
            Optional<Bilingual> refused = cert.newApplicationNeeded(today);
            if (refused.isPresent()) {
                throw new CaseRefusal(refused.get());
            }
        } else if (!blank(s.renewSerial()) || s.renewYears() != null) {
            throw new CaseRefusal("Section D is for a renewal; a new application only does not fill it.", "丁部只供續期填寫；只作新申請不需填寫。");
        }
        // the AR: unchanged means the AR HKPCA last authenticated for this bank; changed needs the new AR's authorisation
        Optional<ArAuthentication> current = arHistory.stream().filter(a -> a.bankCode().equals(bank.code()))
                .max(java.util.Comparator.comparing(ArAuthentication::at));
        if (type == BankApplicationType.RENEWAL_AR_UNCHANGED) {
            if (current.isEmpty() || !current.get().idDigest().equals(arIdDigest)) {
                throw new CaseRefusal("The AR on the form is not the AR HKPCA last authenticated for this bank"
                        + current.map(a -> " (" + a.arName() + ")").orElse("") + ": choose “Renewal only, AR changed”.",
                        "表格上的獲授權代表並非香港郵政核證機關最近為此銀行核實的獲授權代表"
                                + current.map(a -> "（" + a.arName() + "）").orElse("") + "：請選擇「只作續期（更換獲授權代表）」。");
            }
        }
        if (type == BankApplicationType.RENEWAL_AR_CHANGED) {
            if (current.isPresent() && current.get().idDigest().equals(arIdDigest)) {
                throw new CaseRefusal("The AR on the form is the bank's current AR: choose “Renewal only, AR unchanged”.",
                        "表格上的獲授權代表是該銀行現任獲授權代表：請選擇「只作續期（獲授權代表不變）」。");
            }
            if (blank(s.newArAuthorisation())) {
                throw new CaseRefusal("A changed AR needs the bank's authorisation of the new AR: enter its reference.",
                        "更換獲授權代表須附銀行對新獲授權代表的授權：請填寫其參考編號。");
            }
        }
        if (channel == Channel.BY_POST) {
            PostalRenewalRule.Decision d = PostalRenewalRule.decide(type, bank.code(), arIdDigest, arHistory);
            if (!d.acceptable()) {
                throw new CaseRefusal(d.reason());
            }
            return new BankApplication(ref, bank.code(), type, channel, s, ar.type(), ar.masked(), arIdDigest, officer, State.RECEIVED,
                    d.earlier().orElseThrow().authId(), null, null, null, null, null, null, 0);
        }
        return new BankApplication(ref, bank.code(), type, channel, s, ar.type(), ar.masked(), arIdDigest, officer, State.RECEIVED,
                null, null, null, null, null, null, null, 0);
    }

    private static void years(String section, String sectionZh, Integer years) {
        if (years == null || years < 1 || years > 3) {
            throw new CaseRefusal(section + ": a Bank-Cert (Bank) is valid for 1, 2 or 3 years.", sectionZh + "：銀行證書（銀行）有效期為一、二或三年。");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean email(String s) {
        return s.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** The form's values for rendering CPos 798FB pre-filled (the AR's document number masked). */
    public Map<String, String> formValues(LicensedBank bank, Bilingual typeName) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("application_type", typeName.en() + " / " + typeName.zh());
        v.put("bank_name", bank.name().en());
        v.put("bank_code", bank.code());
        v.put("bank_address", bank.address());
        v.put("ar_name", sections.arName().trim().toUpperCase(Locale.ROOT));
        v.put("ar_title", sections.arTitle().trim());
        v.put("ar_id", arDocument + " " + arIdMasked);
        v.put("ar_phone", sections.arPhone() == null ? "" : sections.arPhone().trim());
        v.put("ar_email", sections.arEmail() == null ? "" : sections.arEmail().trim());
        if (newCertificate(type)) {
            v.put("unit_name", sections.unitName().trim());
            v.put("cert_email", sections.certEmail().trim());
            v.put("validity_years", String.valueOf(sections.newYears()));
        }
        if (renewal(type)) {
            v.put("renew_serial", sections.renewSerial().trim().toLowerCase(Locale.ROOT));
            v.put("renew_years", String.valueOf(sections.renewYears()));
        }
        // AR changed: sections A, B and D as for an unchanged AR; the new AR's authorisation is the AR_AUTHORISATION
        // document, its reference kept on the application (sections().newArAuthorisation()), not a section of the form
        return v;
    }

    // ---------------------------------------------------------------- steps

    /** The AR's face-to-face authentication at the desk: the document in hand must be the one on the form. */
    public void authenticated(String authId, String presentedDigest) {
        requireState(State.RECEIVED, State.MORE_DOCUMENTS);
        if (channel == Channel.BY_POST) {
            throw new CaseRefusal("This renewal came by post; the AR's earlier authentication stands.", "此續期經郵寄遞交；沿用獲授權代表較早的身份核實。");
        }
        if (!presentedDigest.equals(arIdDigest)) {
            throw new CaseRefusal("The document presented is not the one on the form: the AR on the form must attend.",
                    "所出示的證件與表格上的不符：須由表格上的獲授權代表親臨。");
        }
        this.authId = authId;
    }

    public void paid(String paymentId) {
        if (paymentId.equals(this.paymentId)) {
            return;
        }
        requirePayable();
        this.paymentId = paymentId;
    }

    /** Whether the fee can be taken now: an application received (or sent back for documents) and not yet paid. */
    public void requirePayable() {
        if (this.paymentId != null) {
            throw new CaseRefusal("This application is paid already.", "此申請已付款。");
        }
        requireState(State.RECEIVED, State.MORE_DOCUMENTS);
    }

    /**
     * The fee paid by {@code paymentId} went back (a void or refund): the application is unpaid again, and one with
     * HKPCA vetting comes back to the desk. Once the certificate is issued the fee goes back only with a revocation.
     *
     * @return whether the application was paid by that payment (and is now unpaid)
     */
    public boolean paymentReversed(String paymentId) {
        if (this.paymentId == null || !this.paymentId.equals(paymentId)) {
            return false;
        }
        requireReversible(paymentId);
        if (state == State.SUBMITTED) {
            state = State.RECEIVED;
        }
        this.paymentId = null;
        return true;
    }

    /** Whether the fee paid by {@code paymentId} can go back now; refused in words once the certificate is issued. */
    public void requireReversible(String paymentId) {
        if (paymentId.equals(this.paymentId) && (state == State.ISSUED || state == State.COMPLETED)) {
            throw new CaseRefusal("Application " + ref + "'s certificate has been issued: its fee is refunded only with the"
                    + " certificate's revocation.", "申請 " + ref + " 的證書已簽發：費用只可在撤銷證書時退回。");
        }
    }

    /** A rejected application whose fee has not gone back: the bank is owed a refund. */
    public boolean refundOwed() {
        return state == State.REJECTED && paymentId != null;
    }

    /** Sends the application to vetting once the AR is authenticated, the documents are in and the fee is paid. */
    public void submit(boolean documentsSubmitted) {
        requireState(State.RECEIVED, State.MORE_DOCUMENTS);
        StringBuilder missing = new StringBuilder();
        StringBuilder missingZh = new StringBuilder();
        if (authId == null) {
            missing.append(" the AR's face-to-face authentication;");
            missingZh.append("獲授權代表面對面核實身份；");
        }
        if (!documentsSubmitted) {
            missing.append(" the Annex 2 documents;");
            missingZh.append("附件二文件；");
        }
        if (paymentId == null) {
            missing.append(" the fee;");
            missingZh.append("費用；");
        }
        if (missing.length() > 0) {
            throw new CaseRefusal("Still needed before vetting:" + missing.substring(0, missing.length() - 1) + ".",
                    "送交審核前仍需：" + missingZh.substring(0, missingZh.length() - 1) + "。");
        }
        state = State.SUBMITTED;
    }

    /** Vetting is by an HKPCA officer other than the one who received the application. */
    private List<Vetting.Handler> handlers() {
        return List.of(new Vetting.Handler(receivedBy, "You received this application; another HKPCA officer vets it.",
                "此申請由你接收；須由另一位核證機關人員審核。"));
    }

    /** The officer may vet this application now (checked before anything is issued). */
    public void vetting(String officer) {
        requireState(State.SUBMITTED);
        Vetting.checkOfficer(officer, handlers());
    }

    private void decide(Vetting.Decision decision, String officer, String note, State next) {
        requireState(State.SUBMITTED);
        Vetting.Outcome o = Vetting.decide(decision, officer, note, handlers());
        this.vettedBy = o.officer();
        this.note = decision == Vetting.Decision.APPROVE && o.note().isEmpty() ? note : o.note();
        state = next;
    }

    public void issued(String officer, String newSerial, String renewedSerial, String note) {
        decide(Vetting.Decision.APPROVE, officer, note, State.ISSUED);
        this.newSerial = newSerial;
        this.renewedSerial = renewedSerial;
    }

    public void rejected(String officer, String reasons) {
        decide(Vetting.Decision.REJECT, officer, reasons, State.REJECTED);
    }

    public void moreDocuments(String officer, String what) {
        decide(Vetting.Decision.MORE_DOCUMENTS, officer, what, State.MORE_DOCUMENTS);
    }

    public void dispatched(String article) {
        requireState(State.ISSUED);
        this.articleNo = article;
        state = State.COMPLETED;
    }

    private void requireState(State... allowed) {
        for (State s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new CaseRefusal("Application " + ref + " is " + state + ": that step is not possible now.",
                "申請 " + ref + " 現時狀態為 " + state + "：不能進行此步驟。");
    }

    // ---------------------------------------------------------------- accessors

    public String ref() { return ref; }
    public String bankCode() { return bankCode; }
    public BankApplicationType type() { return type; }
    public Channel channel() { return channel; }
    public Sections sections() { return sections; }
    public ArIdentity.DocumentType arDocument() { return arDocument; }
    public String arIdMasked() { return arIdMasked; }
    public String arIdDigest() { return arIdDigest; }
    public String receivedBy() { return receivedBy; }
    public State state() { return state; }
    public String authId() { return authId; }
    public String paymentId() { return paymentId; }
    public String vettedBy() { return vettedBy; }
    public String note() { return note; }
    public String newSerial() { return newSerial; }
    public String renewedSerial() { return renewedSerial; }
    public String articleNo() { return articleNo; }
    public long version() { return version; }
}
