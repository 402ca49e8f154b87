package hk.post.ecert.counter.domain.model.renewal;

import hk.post.ecert.counter.domain.model.FreeText;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.vetting.Vetting;
import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.identity.InvalidHkidException;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.CounterMedia;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.server.CsrRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A renewal at the counter, from the customer's certificate to the renewed one. Opening it applies rules 1, 3, 5, 6
 * and 7's name rules; the identity step rule 8; the documents step rule 9; delivery rule 10. The states:
 * OPEN → VETTING → APPROVED → ISSUED → COMPLETED, with MORE_DOCUMENTS (back to the counter) and REJECTED.
 */
public final class RenewalCase {

    public enum State { OPEN, VETTING, MORE_DOCUMENTS, APPROVED, REJECTED, ISSUED, COMPLETED }

    /** How the renewed certificate reaches the customer. */
    public enum Delivery { TOKEN_AT_COUNTER, DISPATCH, CSR }

    /**
     * A renewal (a new term, paid for), or an e-Cert (Server) re-issue within the paid subscription: a new CSR for the
     * same approved names, no fee (rule 1, catalogue row 4).
     */
    public enum Kind { RENEWAL, REISSUE }

    /**
     * The delivery a variant's renewal takes when nobody chose another (issue 29): a Server certificate is issued for
     * the customer's CSR; a Mutual Recognition variant is written onto the customer's own token at the counter; every
     * other renewed certificate is posted by registered mail.
     */
    public static Delivery ownDelivery(String typeCode, Variant variant) {
        if ("SERVER".equals(typeCode)) {
            return Delivery.CSR;
        }
        return variant.tokenBrand().isPresent() ? Delivery.TOKEN_AT_COUNTER : Delivery.DISPATCH;
    }

    /** How long before a Server certificate's 199 days end its re-issue may be asked for, so the server is never left without one. */
    public static final int REISSUE_LEAD_DAYS = 30;

    private final String caseRef;
    private final String serialHex;
    private final String typeCode;
    private final String variantCode;
    private final int years;
    private final boolean arChanged;
    private final List<String> approvedNames;
    private final Delivery delivery;
    private final String openedBy;
    private final String mediumProfile;
    private final int additionalServers;
    private final Kind kind;
    private State state;
    private String identityConfirmedBy;
    private String paymentId;
    private String paidBy;
    private String submittedBy;
    private String vettedBy;
    private String vettingNote;
    private String newSerialHex;
    private String pinEnvelopeNo;
    private String mediumArticleNo;
    private String pinArticleNo;

    public RenewalCase(String caseRef, String serialHex, String typeCode, String variantCode, int years, boolean arChanged,
                       List<String> approvedNames, Delivery delivery, String openedBy, State state, String identityConfirmedBy,
                       String paymentId, String vettedBy, String vettingNote, String newSerialHex, String pinEnvelopeNo,
                       String mediumArticleNo, String pinArticleNo) {
        this(caseRef, serialHex, typeCode, variantCode, years, arChanged, approvedNames, delivery, openedBy, null, state,
                identityConfirmedBy, paymentId, null, null, vettedBy, vettingNote, newSerialHex, pinEnvelopeNo, mediumArticleNo,
                pinArticleNo);
    }

    /** A case as stored: {@code mediumProfile} is the medium chosen at opening (token delivery only). */
    public RenewalCase(String caseRef, String serialHex, String typeCode, String variantCode, int years, boolean arChanged,
                       List<String> approvedNames, Delivery delivery, String openedBy, String mediumProfile, State state,
                       String identityConfirmedBy, String paymentId, String paidBy, String submittedBy, String vettedBy,
                       String vettingNote, String newSerialHex, String pinEnvelopeNo, String mediumArticleNo, String pinArticleNo) {
        this(caseRef, serialHex, typeCode, variantCode, years, arChanged, approvedNames, delivery, openedBy, mediumProfile, state,
                identityConfirmedBy, paymentId, paidBy, submittedBy, vettedBy, vettingNote, newSerialHex, pinEnvelopeNo,
                mediumArticleNo, pinArticleNo, 0, Kind.RENEWAL);
    }

    /** A case as stored, with its kind and the additional servers a "Wildcard" case pays for. */
    public RenewalCase(String caseRef, String serialHex, String typeCode, String variantCode, int years, boolean arChanged,
                       List<String> approvedNames, Delivery delivery, String openedBy, String mediumProfile, State state,
                       String identityConfirmedBy, String paymentId, String paidBy, String submittedBy, String vettedBy,
                       String vettingNote, String newSerialHex, String pinEnvelopeNo, String mediumArticleNo, String pinArticleNo,
                       int additionalServers, Kind kind) {
        this.caseRef = caseRef;
        this.additionalServers = additionalServers;
        this.kind = kind;
        this.mediumProfile = mediumProfile;
        this.paidBy = paidBy;
        this.submittedBy = submittedBy;
        this.serialHex = serialHex;
        this.typeCode = typeCode;
        this.variantCode = variantCode;
        this.years = years;
        this.arChanged = arChanged;
        this.approvedNames = List.copyOf(approvedNames);
        this.delivery = delivery;
        this.openedBy = openedBy;
        this.state = state;
        this.identityConfirmedBy = identityConfirmedBy;
        this.paymentId = paymentId;
        this.vettedBy = vettedBy;
        this.vettingNote = vettingNote;
        this.newSerialHex = newSerialHex;
        this.pinEnvelopeNo = pinEnvelopeNo;
        this.mediumArticleNo = mediumArticleNo;
        this.pinArticleNo = pinArticleNo;
    }

    /**
     * Opens a renewal of {@code cert} as {@code variantCode} for {@code years}, refusing what the catalogue's rules do
     * not allow, with the reason the clerk can tell the customer.
     */
    public static RenewalCase open(String caseRef, SubscriberCertificate cert, Catalogue catalogue, String variantCode, int years,
                                   boolean arChanged, List<String> names, Delivery delivery, LocalDate today,
                                   Optional<Integer> windowDays, String clerk) {
        return open(caseRef, cert, catalogue, variantCode, years, arChanged, names, delivery, today, windowDays, clerk, null, false);
    }

    /**
     * As above, with the medium the renewed certificate will be written onto at the counter (token delivery): one of
     * the variant's media ({@link CounterMedia}); none chosen means the variant's own.
     */
    public static RenewalCase open(String caseRef, SubscriberCertificate cert, Catalogue catalogue, String variantCode, int years,
                                   boolean arChanged, List<String> names, Delivery delivery, LocalDate today,
                                   Optional<Integer> windowDays, String clerk, String mediumProfile, boolean demoSoftwareToken) {
        return open(caseRef, cert, catalogue, variantCode, years, arChanged, names, delivery, today, windowDays, clerk, mediumProfile,
                demoSoftwareToken, 0);
    }

    /** The most additional servers one "Wildcard" case takes (a guard against a slip of the keyboard). */
    public static final int MAX_ADDITIONAL_SERVERS = 99;

    /**
     * As above, with the additional servers the subscriber pays for: a "Wildcard" certificate may be installed on more
     * servers, each charged the published per-server fee for the term; no other variant takes any.
     */
    public static RenewalCase open(String caseRef, SubscriberCertificate cert, Catalogue catalogue, String variantCode, int years,
                                   boolean arChanged, List<String> names, Delivery delivery, LocalDate today,
                                   Optional<Integer> windowDays, String clerk, String mediumProfile, boolean demoSoftwareToken,
                                   int additionalServers) {
        return open(caseRef, cert, catalogue, variantCode, years, arChanged, names, delivery, today, windowDays, clerk, mediumProfile,
                demoSoftwareToken, additionalServers, null);
    }

    /**
     * As above, with a supervisor's approval to renew before the usual window opens (issue 29): rule 3's window is the
     * usual time, and renewing earlier — which gives up the months left — takes a supervisor's word and a reason. An
     * expired certificate is never renewed, approval or not (rule 1).
     */
    public static RenewalCase open(String caseRef, SubscriberCertificate cert, Catalogue catalogue, String variantCode, int years,
                                   boolean arChanged, List<String> names, Delivery delivery, LocalDate today,
                                   Optional<Integer> windowDays, String clerk, String mediumProfile, boolean demoSoftwareToken,
                                   int additionalServers, OutsideWindowApproval outsideWindow) {
        cert.newApplicationNeeded(today).ifPresent(m -> {
            throw new CaseRefusal(m);
        });
        CertificateType type = catalogue.type(cert.typeCode());
        if (type.channel() != Channel.COUNTER) {
            throw new CaseRefusal(type.name().en() + " is not renewed at the counter: give the customer the referral slip.",
                    type.name().zh() + " 不在櫃位續期：請給客戶轉介便條。");
        }
        Variant variant = type.variant(variantCode);
        // rule 5: AEOI only for an existing AEOI certificate
        if (catalogue.aeoiRenewal(cert.typeCode(), variantCode, cert.aeoi()) == Catalogue.AeoiDecision.NEW_APPLICATION_REQUIRED) {
            throw new CaseRefusal("Adding AEOI functions is a new application (CPos 798F + CPos 798FA), not a renewal.",
                    "加入「自動交換財務帳戶資料」功能屬新申請（CPos 798F 及 CPos 798FA），並非續期。");
        }
        // issue 29: AEOI may be dropped at renewal (the seed restricts only adding it); any other change of variant that
        // changes the issuing CA or the form (Standard to MR, one MR token to another) is a new application
        boolean droppingAeoi = cert.aeoi() && !variant.requiresExistingAeoi();
        Variant current = type.variants().stream().filter(v -> v.code().equals(cert.variantCode())).findFirst().orElse(variant);
        if (!droppingAeoi && !current.code().equals(variant.code())
                && (!current.issuingCa().equals(variant.issuingCa()) || !current.forms().equals(variant.forms())
                || !current.tokenBrand().equals(variant.tokenBrand()))) {
            throw new CaseRefusal("A " + current.name().en() + " certificate is renewed as " + current.name().en() + ". Changing to "
                    + variant.name().en() + " is a new application (form " + String.join(" + ", variant.forms()) + "), not a renewal.",
                    current.name().zh() + "證書須以" + current.name().zh() + "續期。轉為" + variant.name().zh() + "屬新申請（表格 "
                            + String.join(" + ", variant.forms()) + "），並非續期。");
        }
        // rule 3: the renewal window
        RenewalWindow w = catalogue.renewalWindowFor(cert.typeCode(), cert.validTo(), today, windowDays);
        if (!w.accepted()) {
            Bilingual gives = w.earlyRenewal(today).orElse(new Bilingual("", ""));
            if (w.position() != RenewalWindow.Position.NOT_YET_OPEN || outsideWindow == null) {
                throw new CaseRefusal("Outside the renewal window: it usually opens on " + w.opens() + " (the certificate expires on "
                        + cert.validTo() + "). " + gives.en() + " A supervisor may approve renewing now, with a reason.",
                        "不在續期期內：續期期一般於 " + w.opens() + " 開始（證書於 " + cert.validTo() + " 屆滿）。" + gives.zh()
                                + "如現在續期，須由主管批准並註明原因。");
            }
            if (outsideWindow.supervisor().equalsIgnoreCase(clerk)) {
                throw new CaseRefusal("Another person, a supervisor, approves renewing outside the window: not the clerk opening the case.",
                        "在續期期以外續期須由另一位主管批准，不可由開立個案的職員批准。");
            }
        }
        if (additionalServers < 0 || additionalServers > MAX_ADDITIONAL_SERVERS) {
            throw new CaseRefusal("Additional servers: a number from 0 to " + MAX_ADDITIONAL_SERVERS + ".",
                    "額外伺服器數目須為 0 至 " + MAX_ADDITIONAL_SERVERS + "。");
        }
        if (additionalServers > 0 && !variant.wildcard()) {
            throw new CaseRefusal("Only a \"Wildcard\" certificate is paid for on additional servers.",
                    "只有「通用版」證書可為額外伺服器付費。");
        }
        if (!variant.validityYears().isEmpty() && !variant.validityYears().contains(years)) {
            throw new CaseRefusal(variant.name().en() + " is issued for " + variant.validityYears() + " year(s), not " + years + ".",
                    variant.name().zh() + " 的有效期為 " + variant.validityYears() + " 年，不是 " + years + " 年。");
        }
        Set<String> cleaned = new LinkedHashSet<>();
        names.forEach(n -> {
            if (n != null && !n.isBlank()) {
                cleaned.add(asciiName(n.trim()));
            }
        });
        if ("SERVER".equals(cert.typeCode())) {
            serverNames(CsrRules.Kind.ofVariant(variantCode), cleaned);
            delivery = Delivery.CSR;
        } else if (delivery == Delivery.CSR) {
            throw new CaseRefusal("Only e-Cert (Server) is issued for the customer's own CSR.", "只有電子證書（伺服器）以客戶的證書簽署要求簽發。");
        } else if (delivery == Delivery.TOKEN_AT_COUNTER && variant.media().isEmpty()) {
            throw new CaseRefusal(variant.name().en() + " is not written onto a medium at the counter.",
                    variant.name().zh() + " 不在櫃位寫入儲存媒體。");
        }
        String medium = null;
        if (delivery == Delivery.DISPATCH && variant.tokenBrand().isPresent()) {
            // rule 6: the token of the form's brand is the medium; a posted medium is a PKCS#12 file
            throw new CaseRefusal(variant.name().en() + " is written only onto the customer's " + variant.tokenBrand().get().name()
                    + " token at the counter, never posted as a PKCS#12 file: choose the token at the counter.",
                    variant.name().zh() + " 只可在櫃位寫入客戶的 " + variant.tokenBrand().get().name()
                    + " 保安編碼器，不會以 PKCS#12 檔案郵寄：請選擇在櫃位寫入保安編碼器。");
        }
        if (delivery == Delivery.DISPATCH) {
            // issue 29: the medium posted is the one the subscriber chose among the variant's; chosen none, the one the
            // certificate renewed is on, if the variant still offers it, otherwise the variant's first
            List<String> posted = CounterMedia.postedProfilesFor(variant);
            if (posted.isEmpty()) {
                throw new CaseRefusal(variant.name().en() + " is not posted on a storage medium.", variant.name().zh() + " 不以儲存媒體郵寄。");
            }
            String chosen = mediumProfile == null || mediumProfile.isBlank() ? null : mediumProfile.trim();
            medium = chosen != null ? chosen : posted.contains(cert.medium()) ? cert.medium() : posted.get(0);
            if (!posted.contains(medium)) {
                String offered = String.join(", ", posted.stream().map(CounterMedia::postedName).toList());
                throw new CaseRefusal(variant.name().en() + " is posted on " + offered + ", not " + medium + ".",
                        variant.name().zh() + " 只以 " + offered + " 郵寄，不可使用 " + medium + "。");
            }
        }
        if (delivery == Delivery.TOKEN_AT_COUNTER) {
            List<String> allowed = CounterMedia.profilesFor(variant, demoSoftwareToken);
            if (allowed.isEmpty()) {
                throw new CaseRefusal(variant.name().en() + " is not written onto a medium at the counter.",
                        variant.name().zh() + " 不在櫃位寫入儲存媒體。");
            }
            medium = mediumProfile == null || mediumProfile.isBlank() ? allowed.get(0) : mediumProfile.trim();
            if (!allowed.contains(medium)) {
                throw new CaseRefusal(variant.name().en() + " is written onto " + allowed + ", not " + medium + ".",
                        variant.name().zh() + " 只可寫入 " + allowed + "，不可寫入 " + medium + "。");
            }
        }
        return new RenewalCase(caseRef, cert.serialHex(), cert.typeCode(), variantCode, years, arChanged, List.copyOf(cleaned),
                delivery, clerk, medium, State.OPEN, null, null, null, null, null, null, null, null, null, null, additionalServers,
                Kind.RENEWAL);
    }

    /**
     * What the case pre-fills on its form(s): the subscriber or organisation and AR from the register, the term, and
     * what the case itself decided — the posted medium or the token brand (rule 6), and for a Server certificate on
     * CPos 798F the server names, the variant, the additional servers and the term.
     */
    public java.util.Map<String, String> formValues(SubscriberCertificate cert, Variant variant) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        if (cert.hkidMasked() != null) {
            String[] parts = cert.subjectName().split(" ", 2);
            values.put("surname", parts[0]);
            if (parts.length > 1) {
                values.put("given_name", parts[1]);
            }
        } else {
            values.put("org_name_en", cert.subjectName());
            values.put("br_number", cert.brNumber() == null ? "" : cert.brNumber());
            values.put("ar_name", arChanged ? "" : String.valueOf(cert.arName()));
            values.put("ar_changed", arChanged ? "Y" : "N");
        }
        values.put("validity_years", Integer.toString(years));
        variant.tokenBrand().ifPresent(b -> values.put("token_brand", b.name()));
        if (delivery == Delivery.DISPATCH && mediumProfile != null) {
            values.put("storage_medium", CounterMedia.postedName(mediumProfile));
        }
        if (delivery == Delivery.CSR) {
            values.put("server_variant", variant.name().en());
            values.put("server_names", String.join(", ", approvedNames));
            values.put("additional_servers", Integer.toString(additionalServers));
        }
        return values;
    }

    /**
     * Rule 1 for e-Cert (Server): a paid-up subscriber whose certificate has reached (or is within
     * {@value #REISSUE_LEAD_DAYS} days of) its 199 days gets a free re-issue within the subscription — a new CSR for the
     * same approved names, no fee — never "expired, make a new application".
     *
     * @param names the names approved for the certificate being re-issued
     */
    public static RenewalCase openReissue(String caseRef, SubscriberCertificate cert, Catalogue catalogue, List<String> names,
                                          LocalDate today, String clerk) {
        Variant variant = catalogue.type(cert.typeCode()).variant(cert.variantCode());
        cert.reissueRefusal(variant, today, REISSUE_LEAD_DAYS).ifPresent(why -> {
            throw new CaseRefusal(why);
        });
        Set<String> cleaned = new LinkedHashSet<>();
        names.forEach(n -> cleaned.add(asciiName(n.trim())));
        serverNames(CsrRules.Kind.ofVariant(cert.variantCode()), cleaned);
        return new RenewalCase(caseRef, cert.serialHex(), cert.typeCode(), cert.variantCode(), 0, false, List.copyOf(cleaned),
                Delivery.CSR, clerk, null, State.OPEN, null, null, null, null, null, null, null, null, null, null, 0, Kind.REISSUE);
    }

    /** A server name as certificates carry it: lower case, an internationalised name in its ASCII (punycode) form. */
    static String asciiName(String typed) {
        try {
            return java.net.IDN.toASCII(typed, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return typed.toLowerCase(Locale.ROOT);
        }
    }

    /** Rule 7's name rules on the approved names themselves. */
    static void serverNames(CsrRules.Kind kind, Set<String> names) {
        if (names.isEmpty()) {
            throw new CaseRefusal("Name the server(s) to certify.", "請列明須核證的伺服器名稱。");
        }
        boolean multi = kind == CsrRules.Kind.MULTI_DOMAIN || kind == CsrRules.Kind.EV_MULTI_DOMAIN;
        if (!multi && names.size() > 1) {
            throw new CaseRefusal("This certificate names one server.", "此證書只可有一個伺服器名稱。");
        }
        if (multi && names.size() > CsrRules.MAX_MULTI_DOMAIN_NAMES) {
            throw new CaseRefusal("At most 50 server names.", "最多 50 個伺服器名稱。");
        }
        for (String n : names) {
            if (n.contains("*") && (kind != CsrRules.Kind.WILDCARD || !n.startsWith("*.") || n.substring(2).contains("*"))) {
                throw new CaseRefusal("A wildcard is allowed only as the whole left-most label of a \"Wildcard\" certificate (" + n + ").",
                        "通用字元只可用作「通用版」證書最左方的完整標籤（" + n + "）。");
            }
            // a top-level label of letters, or an internationalised one in its ASCII form (.香港 is xn--j6w193g)
            if (!n.matches("(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,}|xn--[a-z0-9-]+)")) {
                throw new CaseRefusal("\"" + n + "\" is not a server name.", "「" + n + "」不是伺服器名稱。");
            }
        }
    }

    /** The supporting documents this case needs: the catalogue's, with the AR authorisation only if the AR changed. */
    public List<String> requiredDocuments(Variant variant) {
        List<String> out = new ArrayList<>();
        for (String d : variant.documents()) {
            if (d.endsWith("_IF_CHANGED") && !arChanged) {
                continue;
            }
            out.add(d);
        }
        return out;
    }

    private void require(State... allowed) {
        for (State s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new CaseRefusal("Case " + caseRef + " is " + state + ": that step does not apply now.",
                "個案 " + caseRef + " 狀態為 " + state + "：此步驟現不適用。");
    }

    /** An HKID as typed: one or two letters, six digits and the check digit, with or without brackets. */
    private static final java.util.regex.Pattern HKID_SHAPE = java.util.regex.Pattern.compile("[A-Z]{1,2}\\d{6}\\(?[0-9A]\\)?");

    /** What the Personal identity check found: the HKID (shown masked) and whether a date of birth was on record. */
    public record PersonalIdentity(Hkid hkid, boolean dateOfBirthOnRecord) {
    }

    /**
     * Rule 8 for e-Cert (Personal): the original HKID card compared with the form — a valid HKID (check digit), the one
     * the certificate was issued to; the name on the form the certificate's; the date of birth typed as on the card,
     * and the holder's where the registry has it.
     */
    public static PersonalIdentity checkPersonalIdentity(SubscriberCertificate cert, String idNumber, String nameOnForm,
                                                         java.time.LocalDate dateOfBirth,
                                                         java.util.function.Predicate<Hkid> issuedTo,
                                                         java.util.function.Function<java.time.LocalDate, Optional<Boolean>> holdersDateOfBirth) {
        Hkid h;
        try {
            h = Hkid.parse(idNumber);
        } catch (InvalidHkidException e) {
            throw new CaseRefusal(e.getMessage(), "香港身份證號碼無效（請核對檢查碼）。");
        }
        if (!issuedTo.test(h)) {
            throw new CaseRefusal("The HKID on the card is not the one this certificate was issued to.", "身份證號碼與證書登記人不符。");
        }
        String name = normalisedName(nameOnForm);
        if (!name.equals(cert.subjectName().toUpperCase(Locale.ROOT))) {
            throw new CaseRefusal("The name on the form (" + name + ") is not the certificate's (" + cert.subjectName() + ").",
                    "表格上的姓名（" + name + "）與證書（" + cert.subjectName() + "）不符。");
        }
        if (dateOfBirth == null) {
            throw new CaseRefusal("Type the date of birth as on the HKID card (it must be the same on the form).",
                    "請輸入香港身份證上的出生日期（須與表格相同）。");
        }
        Optional<Boolean> dob = holdersDateOfBirth.apply(dateOfBirth);
        if (dob.isPresent() && !dob.get()) {
            throw new CaseRefusal("The date of birth is not the certificate holder's.", "出生日期與證書登記人不符。");
        }
        return new PersonalIdentity(h, dob.isPresent());
    }

    /**
     * Rule 4 at the counter: the person in front of the clerk is the Authorised Representative on record — the same
     * name once case and spaces are set aside, never a name that merely begins the same way — unless the case says
     * the AR changed; and an HKID shown as the AR's document passes its check digit like the subscriber's.
     *
     * @return the document number as it may be shown (masked)
     */
    public static String checkAuthorisedRepresentative(SubscriberCertificate cert, boolean arChanged, String nameTyped, String idNumber) {
        String name = normalisedName(nameTyped);
        String id = idNumber == null ? "" : idNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (name.isBlank() || id.isBlank()) {
            throw new CaseRefusal("Type the AR's name and identity document number as on the document.", "請輸入獲授權代表的姓名及身份證明文件號碼。");
        }
        if (!arChanged && cert.arName() != null && !normalisedName(cert.arName()).equals(name)) {
            throw new CaseRefusal("This is not the Authorised Representative on record (" + cert.arName() + "). If the AR changed,"
                    + " open the case with \"AR changed\".", "此人並非記錄中的獲授權代表（" + cert.arName() + "）。如已更改，請以「獲授權代表已更改」開立個案。");
        }
        if (HKID_SHAPE.matcher(id).matches()) {
            try {
                return Hkid.parse(id).masked();
            } catch (InvalidHkidException e) {
                throw new CaseRefusal("The AR's HKID number does not pass its check digit: check the card.",
                        "獲授權代表的香港身份證號碼檢查碼不符：請核對證件。");
            }
        }
        return id.length() > 4 ? id.substring(0, 4) + "***" : "***";
    }

    /** A name as compared: trimmed, single-spaced, upper case. */
    public static String normalisedName(String n) {
        FreeText.check(new Bilingual("name", "姓名"), n, FreeText.NAME);
        return n == null ? "" : n.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** Rule 8 recorded: the clerk compared the original document with the form. */
    public void identityConfirmed(String clerk) {
        require(State.OPEN, State.MORE_DOCUMENTS);
        identityConfirmedBy = clerk;
    }

    public void paid(String paymentId) {
        paid(paymentId, null);
    }

    /** The fee was taken at {@code clerk}'s till. */
    public void paid(String paymentId, String clerk) {
        if (paymentId.equals(this.paymentId)) {
            return;
        }
        requirePayable();
        this.paymentId = paymentId;
        this.paidBy = clerk;
    }

    /** Whether the case's fee can be taken now: an open renewal case not yet paid; refused in words otherwise. */
    public void requirePayable() {
        if (this.paymentId != null) {
            throw new CaseRefusal("This case is paid already.", "此個案已付款。");
        }
        require(State.OPEN);
        if (kind == Kind.REISSUE) {
            throw new CaseRefusal("A re-issue within the subscription has no fee.", "登記期內重新簽發不收費用。");
        }
    }

    /**
     * The fee paid by {@code paymentId} went back to the customer (a void or refund): the case is unpaid again. A case
     * with HKPCA goes back to the counter (it is no longer complete); a rejected case owes nothing more. Once the
     * certificate is issued the money cannot go back this way: a refund goes with a revocation.
     *
     * @return whether the case was paid by that payment (and is now unpaid)
     */
    public boolean paymentReversed(String paymentId) {
        if (this.paymentId == null || !this.paymentId.equals(paymentId)) {
            return false;
        }
        requireReversible(paymentId);
        if (state == State.VETTING || state == State.APPROVED) {
            state = State.OPEN;
        }
        this.paymentId = null;
        this.paidBy = null;
        return true;
    }

    /** Whether the fee paid by {@code paymentId} can go back now; refused in words once the certificate is issued. */
    public void requireReversible(String paymentId) {
        if (paymentId.equals(this.paymentId) && (state == State.ISSUED || state == State.COMPLETED || newSerialHex != null)) {
            throw new CaseRefusal("Case " + caseRef + "'s certificate has been issued: its fee is refunded only with the"
                    + " certificate's revocation, which a supervisor arranges with HKPCA.",
                    "個案 " + caseRef + " 的證書已簽發：費用只可在撤銷證書時退回，須由主管與香港郵政核證機關安排。");
        }
    }

    /** A rejected case whose fee has not gone back: the customer is owed a refund. */
    public boolean refundOwed() {
        return state == State.REJECTED && paymentId != null;
    }

    public void submitForVetting(boolean documentsCaptured) {
        submitForVetting(documentsCaptured, null);
    }

    public void submitForVetting(boolean documentsCaptured, String clerk) {
        require(State.OPEN, State.MORE_DOCUMENTS);
        List<Bilingual> missing = missingBeforeVetting(documentsCaptured);
        if (!missing.isEmpty()) {
            throw new CaseRefusal("Before vetting the case needs: " + String.join(", ", missing.stream().map(Bilingual::en).toList()) + ".",
                    "送交審核前須完成：" + String.join("、", missing.stream().map(Bilingual::zh).toList()) + "。");
        }
        state = State.VETTING;
        submittedBy = clerk;
    }

    /**
     * Whether a case being prepared at the counter has every step done — identity, and for a renewal the documents and
     * the fee — so that it goes to HKPCA without another step. A case sent back for more documents waits for the clerk.
     */
    public boolean completeAtTheCounter(boolean documentsCaptured) {
        return state == State.OPEN && missingBeforeVetting(documentsCaptured).isEmpty();
    }

    private List<Bilingual> missingBeforeVetting(boolean documentsCaptured) {
        List<Bilingual> missing = new ArrayList<>();
        if (identityConfirmedBy == null) {
            missing.add(new Bilingual("the identity check", "身份核對"));
        }
        if (paymentId == null && kind == Kind.RENEWAL) {
            missing.add(new Bilingual("the payment", "付款"));
        }
        if (!documentsCaptured && kind == Kind.RENEWAL) {
            missing.add(new Bilingual("the documents", "文件"));
        }
        return missing;
    }

    private ReceiptLanguage customerLanguage;

    /** The customer said which language they read: their receipt and slips are printed in it (remembered on the case). */
    public void customerReads(ReceiptLanguage language) {
        this.customerLanguage = language;
    }

    /** The language the customer chose, if they said. */
    public Optional<ReceiptLanguage> customerLanguage() {
        return Optional.ofNullable(customerLanguage);
    }

    /**
     * Whoever handled the case at the counter — opened it, checked the identity, took the fee or sent it for vetting —
     * never vets it, whatever roles they hold.
     */
    private List<Vetting.Handler> handlers() {
        String counter = "You handled this case at the counter: another officer vets it.";
        String counterZh = "你曾在櫃位處理此個案：須由另一位人員審核。";
        return java.util.stream.Stream.of(
                        new Vetting.Handler(openedBy, "The clerk who opened the case cannot vet it.", "開立個案的職員不可審核該個案。"),
                        new Vetting.Handler(identityConfirmedBy, counter, counterZh), new Vetting.Handler(paidBy, counter, counterZh),
                        new Vetting.Handler(submittedBy, counter, counterZh))
                .filter(h -> h.who() != null).toList();
    }

    private void decide(Vetting.Decision decision, String officer, String note, State next) {
        require(State.VETTING);
        Vetting.Outcome o = Vetting.decide(decision, officer, note, handlers());
        vettedBy = o.officer();
        vettingNote = o.note();
        state = next;
    }

    public void approve(String officer, String note) {
        approve(officer, note, List.of(), false);
    }

    /**
     * The server names this case certifies that the certificate it renews did not (issue 29): a renewal certifies the
     * names already approved; any beyond them is approved by an HKPCA officer, on the case.
     */
    public List<String> namesBeyond(List<String> previous) {
        Set<String> old = new java.util.HashSet<>();
        previous.forEach(n -> old.add(asciiName(n.trim())));
        return approvedNames.stream().filter(n -> !old.contains(n)).toList();
    }

    /**
     * HKPCA approves the case; {@code newNames} (see {@link #namesBeyond}) must be approved by the officer in so many
     * words, and the approval records them.
     */
    public void approve(String officer, String note, List<String> newNames, boolean newNamesApproved) {
        if (!newNames.isEmpty() && !newNamesApproved) {
            throw new CaseRefusal("This case names servers the renewed certificate did not: " + String.join(", ", newNames)
                    + ". Approve the new names as the HKPCA officer, or reject the case.",
                    "此個案列有原證書沒有的伺服器名稱：" + String.join("、", newNames) + "。請以核證機關人員身份批准新名稱，或拒絕此個案。");
        }
        String recorded = newNames.isEmpty() ? note
                : (note == null || note.isBlank() ? "" : note.trim() + "; ") + "new names approved: " + String.join(", ", newNames);
        decide(Vetting.Decision.APPROVE, officer, recorded, State.APPROVED);
    }

    public void reject(String officer, String reasons) {
        decide(Vetting.Decision.REJECT, officer, reasons, State.REJECTED);
    }

    public void requestDocuments(String officer, String what) {
        decide(Vetting.Decision.MORE_DOCUMENTS, officer, what, State.MORE_DOCUMENTS);
    }

    /**
     * The saga that writes the renewed certificate onto the customer's medium at the counter (token delivery) may run
     * only for a case that HKPCA approved after the identity was checked and the fee was taken, and that another
     * person vetted. This is the only door to a certificate on a token.
     */
    public void tokenWriteStarted() {
        require(State.APPROVED);
        if (delivery != Delivery.TOKEN_AT_COUNTER) {
            throw new CaseRefusal("This case is not written at the counter.", "此個案不在櫃位寫入儲存器。");
        }
        if (identityConfirmedBy == null || paymentId == null || vettedBy == null || vettedBy.equals(openedBy)) {
            throw new CaseRefusal("Case " + caseRef + " has not been identity-checked, paid and approved by HKPCA.",
                    "個案 " + caseRef + " 未完成身份核對、付款及核證機關審批。");
        }
    }

    /**
     * The certificate this case's renewal puts on the register, whichever way it is delivered (post, the customer's
     * token at the counter, or the AR's own CSR):
     * <ul>
     *   <li>rule 2: a subscription only where the variant has one (e-Cert (Personal) Standard: one year); a Mutual
     *   Recognition certificate is issued for the years paid for and has no annual subscription to lapse;</li>
     *   <li>rule 5: a certificate renewed with AEOI keeps AEOI, so its next renewal is still a renewal;</li>
     *   <li>rule 1: a Server certificate lives at most the variant's 199 days; the others the term paid for.</li>
     * </ul>
     */
    public SubscriberCertificate renewedCertificate(SubscriberCertificate old, Variant variant, String newSerial, String issuingCa,
                                                    LocalDate today) {
        LocalDate subscriptionEnd = subscriptionEnd(old, variant, today);
        LocalDate validTo = today.plusDays(certificateDays(old, variant, today));
        // rule 6: the medium the case recorded (the token written, or the posted file); a Server certificate has none
        String medium = mediumProfile != null ? mediumProfile : delivery == Delivery.CSR ? null : old.medium();
        return new SubscriberCertificate(newSerial, old.srn(), typeCode, variantCode, issuingCa, old.subjectName(), old.hkidMasked(),
                old.brNumber(), today, validTo, subscriptionEnd, CertificateStatus.ACTIVE,
                medium, old.arName(), variant.requiresExistingAeoi());
    }

    /**
     * The subscription the certificate this case issues runs under: e-Cert (Personal) Standard its one year (rule 2);
     * e-Cert (Server) the term paid for (rule 1), unchanged by a re-issue; none for the others.
     */
    public LocalDate subscriptionEnd(SubscriberCertificate old, Variant variant, LocalDate today) {
        if (kind == Kind.REISSUE) {
            return old.subscriptionEnd();
        }
        if (variant.maxCertificateDays() > 0) {
            // a subscription renewed before it ends continues from its end: no paid day is lost
            LocalDate from = old.subscriptionEnd() != null && old.subscriptionEnd().isAfter(today) ? old.subscriptionEnd() : today;
            return from.plusYears(years);
        }
        return variant.subscriptionYears() > 0 ? today.plusYears(variant.subscriptionYears()) : null;
    }

    /**
     * How many days the certificate this case issues lives: a Server certificate at most its 199 days and never past its
     * subscription; the others the term paid for.
     */
    public int certificateDays(SubscriberCertificate old, Variant variant, LocalDate today) {
        if (variant.maxCertificateDays() > 0) {
            long toSubscriptionEnd = java.time.temporal.ChronoUnit.DAYS.between(today, subscriptionEnd(old, variant, today));
            return (int) Math.max(1, Math.min(variant.maxCertificateDays(), toSubscriptionEnd));
        }
        return (int) java.time.temporal.ChronoUnit.DAYS.between(today, today.plusYears(years));
    }

    public void issued(String serial) {
        require(State.APPROVED);
        newSerialHex = serial;
        state = delivery == Delivery.DISPATCH ? State.ISSUED : State.COMPLETED;
    }

    /** Rule 10: the medium and the PIN envelope go by registered mail separately, each with its article number. */
    public void dispatched(String pinEnvelope, String mediumArticle, String pinArticle) {
        require(State.ISSUED);
        if (pinEnvelope == null || pinEnvelope.isBlank()) {
            throw new CaseRefusal("Record the PIN envelope number.", "請記錄密碼信封編號。");
        }
        String m = ArticleNumber.check(mediumArticle);
        String p = ArticleNumber.check(pinArticle);
        if (m.equals(p)) {
            throw new CaseRefusal("The medium and the PIN envelope go in separate registered letters.", "儲存媒體與密碼信封須分開以掛號郵寄。");
        }
        pinEnvelopeNo = pinEnvelope.trim();
        mediumArticleNo = m;
        pinArticleNo = p;
        state = State.COMPLETED;
    }

    public String caseRef() { return caseRef; }
    public String serialHex() { return serialHex; }
    public String typeCode() { return typeCode; }
    public String variantCode() { return variantCode; }
    public int years() { return years; }
    /** The additional servers a "Wildcard" case pays for (0 for every other case). */
    public int additionalServers() { return additionalServers; }
    public Kind kind() { return kind; }
    /** A Server re-issue within the paid subscription (no fee, no new term). */
    public boolean reissue() { return kind == Kind.REISSUE; }

    /**
     * The units the variant's per-unit fee item is charged for: a "Wildcard" case's additional servers, a
     * "Multi-domain" case's names beyond the first (a fee setting until published).
     */
    public int chargedUnits() {
        return additionalServers > 0 ? additionalServers : Math.max(0, approvedNames.size() - 1);
    }
    public boolean arChanged() { return arChanged; }
    public List<String> approvedNames() { return approvedNames; }
    public Delivery delivery() { return delivery; }
    public String openedBy() { return openedBy; }
    /** The token profile chosen at opening for token delivery (null for cases opened before it was recorded). */
    public String mediumProfile() { return mediumProfile; }

    /** The medium this case is written onto: the one chosen at opening; for older cases, the variant's own. */
    public String mediumToWrite(Variant variant) {
        return mediumProfile != null ? mediumProfile : CounterMedia.profilesFor(variant, false).get(0);
    }
    public String paidBy() { return paidBy; }
    public String submittedBy() { return submittedBy; }
    public State state() { return state; }
    public String identityConfirmedBy() { return identityConfirmedBy; }
    public String paymentId() { return paymentId; }
    public String vettedBy() { return vettedBy; }
    public String vettingNote() { return vettingNote; }
    public String newSerialHex() { return newSerialHex; }
    public String pinEnvelopeNo() { return pinEnvelopeNo; }
    public String mediumArticleNo() { return mediumArticleNo; }
    public String pinArticleNo() { return pinArticleNo; }
}
