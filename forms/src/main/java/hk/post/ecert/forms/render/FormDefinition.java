package hk.post.ecert.forms.render;

import hk.post.ecert.forms.FormId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CPos 798 family as code: each form's sections and fields, from the field lists in {@code hkpca-facts.md} §1
 * (CPos 798A in full; 798FB's sections A–D and its application types). This is our rendition of the published field
 * list, not a copy of the official PDF. Forms whose fields are not published in detail carry the fields the
 * counter needs for the renewal.
 */
public record FormDefinition(FormId form, List<FormSection> sections) {

    /** CPos 798FB application types and the sections each fills (form note 5). */
    public enum BankApplicationType {
        NEW_ONLY("A", "B", "C"),
        NEW_AND_RENEWAL("A", "B", "C", "D"),
        RENEWAL_AR_UNCHANGED("A", "B", "D"),
        /** Sections A, B and D as for an unchanged AR (form note 5); the new AR's authorisation is a document (AR_AUTHORISATION). */
        RENEWAL_AR_CHANGED("A", "B", "D");

        private final Set<String> sections;

        BankApplicationType(String... sections) {
            this.sections = Set.of(sections);
        }

        public Set<String> sections() {
            return sections;
        }
    }

    private static final Map<FormId, FormDefinition> ALL = new EnumMap<>(FormId.class);

    /**
     * CPos 798A's declaration, each point of the published form (hkpca-facts.md §1): the information is true and
     * supersedes what was given before; the Subscriber Terms and Conditions and the CPS; Hongkong Post generates the key
     * pair on the applicant's behalf, and the English name, the encrypted HKID number and the e-mail go into the e-Cert;
     * the e-Cert's content cannot be changed during its validity.
     */
    public static final String DECLARATION_798A_EN = "I declare that the information given in this form is true and supersedes any"
            + " information I gave before. I agree to be bound by the Subscriber Terms and Conditions and the Certification"
            + " Practice Statement (CPS). I consent to Hongkong Post generating the key pair on my behalf, and to my name in"
            + " English, my HKID number (encrypted) and my e-mail address being included in the e-Cert. I understand that the"
            + " content of the e-Cert cannot be changed during its validity.";
    public static final String DECLARATION_798A_ZH = "本人聲明本表格所填資料均屬真確，並取代本人以往提供的任何資料。本人同意遵守登記人條款及細則和核證作業準則。"
            + "本人同意由香港郵政代本人產生密碼匙對，並同意將本人的英文姓名、經加密的香港身份證號碼及電郵地址載於電子證書內。"
            + "本人明白電子證書的內容在有效期內不能更改。";

    static {
        FormSection personal = new FormSection("1", "Applicant (as on the HKID card)", "申請人（須與香港身份證相同）", List.of(
                FormField.of("surname", "Name in English: Surname", "英文姓名：姓"),
                FormField.of("given_name", "Name in English: Given name", "英文姓名：名"),
                FormField.of("title", "Mr / Ms", "先生／女士"),
                FormField.of("chinese_name", "Name in Chinese", "中文姓名"),
                FormField.of("hkid", "HKID number", "香港身份證號碼"),
                FormField.of("date_of_birth", "Date of birth (dd/mm/yyyy)", "出生日期（日/月/年）"),
                FormField.of("phone", "Contact phone number", "聯絡電話"),
                FormField.of("email_in_cert", "E-mail address to be included in the e-Cert", "載於電子證書內的電郵地址"),
                FormField.of("contact_email", "Contact e-mail (not in the e-Cert)", "聯絡電郵（不載於電子證書）")));
        FormSection address = new FormSection("2", "Local postal address (in English)", "本地郵寄地址（英文）", List.of(
                FormField.of("addr_room", "Room / Floor / Block", "室／樓／座"),
                FormField.of("addr_building", "Building / Estate", "大廈／屋苑"),
                FormField.of("addr_street", "Street and No.", "街道及號數"),
                FormField.of("addr_district", "District", "地區"),
                FormField.of("addr_region", "HK / KLN / NT", "港島／九龍／新界")));
        FormSection medium = new FormSection("3", "e-Cert storage medium and term", "電子證書儲存媒體及有效期", List.of(
                FormField.of("storage_medium", "Storage medium", "儲存媒體"),
                FormField.of("validity_years", "Validity (years)", "有效期（年）")));
        FormSection token = new FormSection("3", "e-Cert Token and term", "電子證書儲存器及有效期", List.of(
                FormField.of("token_brand", "e-Cert Token brand", "電子證書儲存器品牌"),
                FormField.of("token_serial", "Token serial number", "儲存器序號"),
                FormField.of("validity_years", "Validity (years)", "有效期（年）")));
        FormSection declaration = new FormSection("4", "Declaration by the applicant", "申請人聲明", List.of(
                new FormField("declaration", DECLARATION_798A_EN, DECLARATION_798A_ZH, 4),
                FormField.of("signature_date", "Signature and date", "簽署及日期")));
        FormSection organisation = new FormSection("1", "Organisation", "機構", List.of(
                FormField.of("org_name_en", "Organisation name (English)", "機構名稱（英文）"),
                FormField.of("org_name_zh", "Organisation name (Chinese)", "機構名稱（中文）"),
                FormField.of("br_number", "Business Registration number", "商業登記號碼"),
                FormField.of("org_address", "Organisation address", "機構地址"),
                FormField.of("phone", "Contact phone number", "聯絡電話")));
        FormSection ar = new FormSection("2", "Authorised Representative (AR)", "獲授權代表", List.of(
                FormField.of("ar_name", "AR name", "獲授權代表姓名"),
                FormField.of("ar_title", "AR position", "職位"),
                FormField.of("ar_id", "AR identity document number", "身份證明文件號碼"),
                FormField.of("ar_email", "AR e-mail", "電郵"),
                FormField.of("ar_changed", "AR changed since the last application (Y/N)", "獲授權代表是否已更改（是／否）")));
        FormSection holder = new FormSection("3", "Authorised user (certificate holder)", "獲授權用戶（證書持有人）", List.of(
                FormField.of("holder_name", "Name of the authorised user", "獲授權用戶姓名"),
                FormField.of("holder_email", "E-mail address to be included in the e-Cert", "載於電子證書內的電郵地址"),
                FormField.of("validity_years", "Validity (years)", "有效期（年）")));
        FormSection orgToken = new FormSection("4", "e-Cert Token", "電子證書儲存器", List.of(
                FormField.of("token_brand", "e-Cert Token brand", "電子證書儲存器品牌"),
                FormField.of("token_serial", "Token serial number", "儲存器序號")));
        FormSection orgDeclaration = new FormSection("5", "Declaration by the Authorised Representative", "獲授權代表聲明", List.of(
                new FormField("declaration", "I declare on behalf of the organisation that the information is true and agree to the"
                        + " Subscriber Terms & Conditions and the CPS.", "本人代表機構聲明所填資料真確，並同意登記人條款及核證作業準則。", 2),
                FormField.of("signature_date", "Signature, company chop and date", "簽署、公司印章及日期")));
        FormSection aeoi = new FormSection("1", "AEOI functions (submitted with CPos 798F)", "「自動交換財務帳戶資料」功能（須連同 CPos 798F 遞交）", List.of(
                FormField.of("org_name_en", "Financial institution name", "財務機構名稱"),
                FormField.of("aeoi_reference", "AEOI Portal user reference", "自動交換資料門戶用戶參考"),
                FormField.of("existing_aeoi_serial", "Serial of the existing AEOI e-Cert (renewal)", "現有 AEOI 電子證書序號（續期）"),
                FormField.of("holder_name", "Name of the authorised user", "獲授權用戶姓名")));

        put(FormId.CPOS_798A, personal, address, medium, declaration);
        put(FormId.CPOS_798AMR_S, personal, address, token, declaration);
        put(FormId.CPOS_798AMR_F, personal, address, token, declaration);
        put(FormId.CPOS_798F, organisation, ar, holder, orgDeclaration);
        put(FormId.CPOS_798FA, aeoi, orgDeclaration);
        put(FormId.CPOS_798FMR_S, organisation, ar, holder, orgToken, orgDeclaration);
        put(FormId.CPOS_798FMR_F, organisation, ar, holder, orgToken, orgDeclaration);
        put(FormId.CPOS_798FB,
                new FormSection("A", "Section A: Application type and Licensed Bank (the Subscriber)", "甲部：申請類別及持牌銀行（登記人）", List.of(
                        FormField.of("application_type", "Application type", "申請類別"),
                        FormField.of("bank_name", "Name of the Licensed Bank", "持牌銀行名稱"),
                        FormField.of("bank_code", "Bank code", "銀行編號"),
                        FormField.of("bank_address", "Address", "地址"))),
                new FormSection("B", "Section B: Authorised Representative (AR)", "乙部：獲授權代表", List.of(
                        FormField.of("ar_name", "AR name", "獲授權代表姓名"),
                        FormField.of("ar_title", "AR position", "職位"),
                        FormField.of("ar_id", "AR identity document number", "身份證明文件號碼"),
                        FormField.of("ar_phone", "AR phone", "電話"),
                        FormField.of("ar_email", "AR e-mail", "電郵"))),
                new FormSection("C", "Section C: New application — Authorised Unit and certificate", "丙部：新申請 — 獲授權單位及證書", List.of(
                        FormField.of("unit_name", "Authorised Unit", "獲授權單位"),
                        FormField.of("cert_email", "E-mail address in the certificate", "證書內電郵地址"),
                        FormField.of("validity_years", "Validity (1–3 years)", "有效期（1至3年）"))),
                new FormSection("D", "Section D: Renewal — the certificate to renew", "丁部：續期 — 須續期的證書", List.of(
                        FormField.of("renew_serial", "Serial number of the certificate", "證書序號"),
                        FormField.of("renew_expiry", "Expiry date", "屆滿日期"),
                        FormField.of("renew_years", "Renewal term (1–3 years)", "續期年期（1至3年）"))));
        SERVER_798F = new FormDefinition(FormId.CPOS_798F, List.of(organisation, ar,
                new FormSection("3", "e-Cert (Server): servers and term", "電子證書（伺服器）：伺服器及年期", List.of(
                        FormField.of("server_variant", "Certificate (Standard, \"Wildcard\", \"Multi-domain\", Extended Validation)",
                                "證書類別（標準、「通用版」、「多域版」、增強認證）"),
                        new FormField("server_names", "Server name(s)", "伺服器名稱", 3),
                        FormField.of("additional_servers", "Number of additional servers (\"Wildcard\")", "額外伺服器數目（「通用版」）"),
                        FormField.of("validity_years", "Subscription term (years)", "登記年期（年）"))),
                orgDeclaration));
    }

    /** CPos 798F as a Server application fills it: the organisation, the AR, the servers and the term. */
    private static final FormDefinition SERVER_798F;

    /** CPos 798F for an e-Cert (Server): it carries the server names, the variant, additional servers and the term. */
    public static FormDefinition server() {
        return SERVER_798F;
    }

    private static void put(FormId form, FormSection... sections) {
        ALL.put(form, new FormDefinition(form, List.of(sections)));
    }

    public static FormDefinition of(FormId form) {
        return ALL.get(form);
    }

    /** CPos 798FB with only the sections its application type fills. */
    public static FormDefinition bank(BankApplicationType type) {
        List<FormSection> chosen = new ArrayList<>();
        for (FormSection s : ALL.get(FormId.CPOS_798FB).sections()) {
            if (type.sections().contains(s.code())) {
                chosen.add(s);
            }
        }
        return new FormDefinition(FormId.CPOS_798FB, chosen);
    }

    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        sections.forEach(s -> s.fields().forEach(f -> out.add(f.name())));
        return out;
    }
}
