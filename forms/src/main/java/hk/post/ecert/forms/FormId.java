package hk.post.ecert.forms;

import java.util.Arrays;
import java.util.NoSuchElementException;

/** The CPos 798 application forms (titles from {@code hkpca-facts.md} §1). */
public enum FormId {
    CPOS_798A("CPos 798A", "e-Cert (Personal) Application Form", "電子證書（個人）申請表格"),
    CPOS_798AMR_S("CPos 798AMR-S", "e-Cert (Personal) with \"Mutual Recognition\" Status – e-Cert Token (SafeNet)",
            "具「互認」地位的電子證書（個人）– 電子證書儲存器（SafeNet）"),
    CPOS_798AMR_F("CPos 798AMR-F", "e-Cert (Personal) with \"Mutual Recognition\" Status – e-Cert Token (FEITIAN)",
            "具「互認」地位的電子證書（個人）– 電子證書儲存器（FEITIAN）"),
    CPOS_798F("CPos 798F", "e-Cert (Organisational) Application Form", "電子證書（機構）申請表格"),
    CPOS_798FA("CPos 798FA", "Supplementary Application Form for e-Cert (Organisational) with AEOI Functions",
            "附有「自動交換財務帳戶資料」功能的電子證書（機構）補充申請表格"),
    CPOS_798FMR_S("CPos 798FMR-S", "e-Cert (Organisational) with \"Mutual Recognition\" Status – SafeNet token",
            "具「互認」地位的電子證書（機構）– SafeNet 儲存器"),
    CPOS_798FMR_F("CPos 798FMR-F", "e-Cert (Organisational) with \"Mutual Recognition\" Status – FEITIAN token",
            "具「互認」地位的電子證書（機構）– FEITIAN 儲存器"),
    CPOS_798FB("CPos 798FB", "New Application / Renewal Form for Hongkong Post Bank-Cert (Bank) Certificate",
            "香港郵政銀行證書（銀行）新申請／續期表格");

    private final String number;
    private final String titleEn;
    private final String titleZh;

    FormId(String number, String titleEn, String titleZh) {
        this.number = number;
        this.titleEn = titleEn;
        this.titleZh = titleZh;
    }

    /** As printed on the form, e.g. {@code CPos 798AMR-S}. */
    public String number() {
        return number;
    }

    public String titleEn() {
        return titleEn;
    }

    public String titleZh() {
        return titleZh;
    }

    public static FormId byNumber(String number) {
        return Arrays.stream(values()).filter(f -> f.number.equals(number)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no form " + number));
    }
}
