package hk.post.ecert.counter.domain.model.renewal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered-mail article number in the UPU S10 form, e.g. {@code RR123456785HK}: two letters, eight digits, a
 * check digit (weights 8 6 4 2 3 5 9 7, mod 11), and the country code.
 */
public final class ArticleNumber {

    private static final Pattern S10 = Pattern.compile("([A-Z]{2})(\\d{8})(\\d)([A-Z]{2})");
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private ArticleNumber() {
    }

    /** The normalised number, or a refusal that says what is wrong. */
    public static String check(String typed) {
        String s = typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase();
        Matcher m = S10.matcher(s);
        if (!m.matches()) {
            throw new CaseRefusal("A registered-mail article number looks like RR123456785HK.", "掛號郵件編號格式如 RR123456785HK。");
        }
        // The S10 service indicator of registered mail begins with R (RA … RZ); EE, CP, LA … are other services.
        if (m.group(1).charAt(0) != 'R') {
            throw new CaseRefusal(s + " is not a registered-mail number: those begin with R (e.g. RR123456785HK).",
                    s + " 並非掛號郵件編號：掛號郵件編號以 R 開首（例如 RR123456785HK）。");
        }
        if (checkDigit(m.group(2)) != m.group(3).charAt(0) - '0') {
            throw new CaseRefusal("The article number's check digit does not match: " + s + ".", "掛號郵件編號的檢查碼不符：" + s + "。");
        }
        return s;
    }

    static int checkDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }
}
