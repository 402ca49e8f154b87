package hk.post.ecert.counter.domain.model.bankcert;

import hk.post.ecert.counter.domain.model.identity.Hkid;
import hk.post.ecert.counter.domain.model.identity.InvalidHkidException;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;

import java.util.Locale;

/**
 * The identity document an Authorised Representative presents: its type and number. The number is kept only masked
 * and as a keyed digest; an HKID must pass its check digit.
 */
public record ArIdentity(DocumentType type, String normalised, String masked) {

    /** Documents HKPCA's desk accepts for the AR's face-to-face authentication. */
    public enum DocumentType { HKID, PASSPORT }

    public static ArIdentity of(String type, String number) {
        DocumentType t;
        try {
            t = DocumentType.valueOf(type == null ? "" : type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaseRefusal("Choose the AR's identity document: HKID card or passport.", "請選擇獲授權代表的身份證明文件：香港身份證或護照。");
        }
        String n = number == null ? "" : number.trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        if (t == DocumentType.HKID) {
            try {
                Hkid h = Hkid.parse(n);
                return new ArIdentity(t, h.full(), h.masked());
            } catch (InvalidHkidException e) {
                throw new CaseRefusal(e.getMessage(), "香港身份證號碼無效（請核對檢查碼）。");
            }
        }
        if (!n.matches("[A-Z0-9]{6,20}")) {
            throw new CaseRefusal("A passport number has 6 to 20 letters or digits.", "護照號碼須為 6 至 20 個英文字母或數字。");
        }
        return new ArIdentity(t, "PASSPORT:" + n, n.substring(0, 2) + "*".repeat(n.length() - 4) + n.substring(n.length() - 2));
    }

    @Override
    public String toString() {
        return type + " " + masked;
    }
}
