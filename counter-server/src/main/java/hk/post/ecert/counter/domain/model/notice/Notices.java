package hk.post.ecert.counter.domain.model.notice;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words of each notice (issue 30), in both languages — the subscriber's first — as plain text and HTML. A
 * notice names the certificate by its Subscriber Reference Number or the case reference, never by an HKID, a date of
 * birth or a PIN, so a finder learns nothing to misuse.
 */
public final class Notices {

    private Notices() {
    }

    private static final Bilingual SIGNATURE = new Bilingual("Hongkong Post Certification Authority — www.ecert.gov.hk",
            "香港郵政核證機關 — www.ecert.gov.hk");
    private static final Bilingual NO_REPLY = new Bilingual("This e-mail was sent by the e-Cert counter system. Hongkong Post never"
            + " asks for your PIN or your HKID number by e-mail.", "此電郵由電子證書櫃位系統發出。香港郵政絕不會以電郵索取你的密碼或身份證號碼。");

    /** e-Cert (Personal): the subscription ends on {@code end}; without an extension the certificate is suspended after it. */
    public static Notice subscriptionExpiry(String recipient, ReceiptLanguage lang, String srn, LocalDate end, String yearlyFee) {
        return compose(NoticeKind.SUBSCRIPTION_EXPIRY, srn + "/" + end, recipient, lang,
                new Bilingual("Subscription Expiry Notice: your e-Cert subscription ends on " + end,
                        "登記期屆滿通知：你的電子證書登記期於 " + end + " 屆滿"),
                List.of(new Bilingual("The subscription of your e-Cert (Personal), Subscriber Reference Number " + srn + ", ends on " + end + ".",
                                "你的電子證書（個人）（登記人參考編號 " + srn + "）的登記期於 " + end + " 屆滿。"),
                        new Bilingual("If it is not extended by then, the certificate is suspended from " + end.plusDays(1) + ".",
                                "如屆時未有延長，證書將由 " + end.plusDays(1) + " 起暫停。"),
                        new Bilingual("Extend it by one year (" + yearlyFee + ") at any post office counter, at a self-service kiosk, or online at"
                                + " www.ecert.gov.hk. You may also reply to this notice with an e-Cheque payable to \"Postmaster General\", with your"
                                + " Subscriber Reference Number in the remarks.",
                                "你可於任何郵政局櫃位、自助服務機或 www.ecert.gov.hk 網上延長登記期一年（" + yearlyFee + "），亦可以電子支票（抬頭「Postmaster General」，"
                                        + "備註註明登記人參考編號）回覆本通知。")),
                Optional.empty(), null);
    }

    /** Any counter type: the certificate may now be renewed (its window), what to bring, and the form. */
    public static Notice renewalReminder(String recipient, ReceiptLanguage lang, String srn, Bilingual type, LocalDate expiry,
                                         LocalDate from, List<Bilingual> toBring) {
        List<Bilingual> p = new ArrayList<>();
        p.add(new Bilingual("Your " + type.en() + " (Subscriber Reference Number " + srn + ") expires on " + expiry + ". You may renew it from "
                + from + " until that day.", "你的" + type.zh() + "（登記人參考編號 " + srn + "）於 " + expiry + " 到期。你可由 " + from
                + " 起至該日續期。"));
        p.add(new Bilingual("Renew at any post office counter. Please bring:", "請到任何郵政局櫃位辦理，並帶同："));
        toBring.forEach(b -> p.add(new Bilingual("• " + b.en(), "• " + b.zh())));
        p.add(new Bilingual("An expired certificate cannot be renewed: a new application is then needed.", "證書到期後不能續期，須重新申請。"));
        return compose(NoticeKind.RENEWAL_REMINDER, srn + "/" + expiry, recipient, lang,
                new Bilingual("Your e-Cert may now be renewed (it expires on " + expiry + ")", "你的電子證書現可續期（" + expiry + " 到期）"),
                p, Optional.empty(), null);
    }

    /** e-Cert (Server), approved: the names and the one-time link to upload the CSR. */
    public static Notice csrRequest(String recipient, ReceiptLanguage lang, String caseRef, List<String> names, String link, LocalDate linkExpires) {
        return compose(NoticeKind.CSR_REQUEST, caseRef, recipient, lang,
                new Bilingual("Certificate Signing Request (CSR) for your e-Cert (Server) renewal " + caseRef,
                        "你的電子證書（伺服器）續期 " + caseRef + " 的證書簽署要求（CSR）"),
                List.of(new Bilingual("HKPCA has approved renewal " + caseRef + " for the server name(s): " + String.join(", ", names) + ".",
                                "香港郵政核證機關已批核續期申請 " + caseRef + "，伺服器名稱：" + String.join("、", names) + "。"),
                        new Bilingual("Please generate a PKCS#10 Certificate Signing Request on the server concerned, naming exactly these"
                                + " server name(s), with an RSA key of 2048 bits or more (or an accepted EC curve) signed with SHA-256 or"
                                + " stronger, and upload it here:", "請在有關伺服器上產生 PKCS#10 證書簽署要求，只列明以上伺服器名稱，使用 2048 位元或以上的"
                                + " RSA 密碼匙（或認可的橢圓曲線），並以 SHA-256 或更強的演算法簽署，然後在此上載："),
                        new Bilingual(link, link),
                        new Bilingual("The link can be used once, until " + linkExpires + ". You may also bring the CSR on a USB drive to any"
                                + " post office counter with the case reference.", "此連結只可使用一次，有效至 " + linkExpires
                                + "。你亦可把 CSR 儲存在 USB 裝置，連同個案編號帶到任何郵政局櫃位。")),
                Optional.empty(), caseRef);
    }

    /** e-Cert (Server): issued for the uploaded CSR; the certificate and its chain go with it. */
    public static Notice certificateIssued(String recipient, ReceiptLanguage lang, String caseRef, List<String> names, LocalDate validTo,
                                           String pemChain) {
        return compose(NoticeKind.CERTIFICATE_ISSUED, caseRef, recipient, lang,
                new Bilingual("Your e-Cert (Server) " + caseRef + " has been issued", "你的電子證書（伺服器）" + caseRef + " 已簽發"),
                List.of(new Bilingual("The certificate for " + String.join(", ", names) + " has been issued for your CSR. It is valid to "
                                + validTo + ".", "已按你的 CSR 為 " + String.join("、", names) + " 簽發證書，有效期至 " + validTo + "。"),
                        new Bilingual("The certificate and its chain are attached (certificate-chain.pem): install them on the server"
                                + " with the private key that made the CSR.", "證書及其證書鏈已附於本電郵（certificate-chain.pem）：請連同產生 CSR 的私人密碼匙安裝於伺服器。")),
                Optional.of(new Notice.Attachment("certificate-chain.pem", "application/x-pem-file", pemChain)), caseRef);
    }

    /** A renewed certificate was posted: the article number; the PIN envelope comes in a separate letter. */
    public static Notice dispatch(String recipient, ReceiptLanguage lang, String caseRef, Bilingual type, String medium, String mediumArticle) {
        return compose(NoticeKind.DISPATCH, caseRef, recipient, lang,
                new Bilingual("Your renewed e-Cert is in the post (" + caseRef + ")", "你的續期電子證書已寄出（" + caseRef + "）"),
                List.of(new Bilingual("Your renewed " + type.en() + " has been posted by registered mail on " + medium + ", article number "
                                + mediumArticle + ".", "你的續期" + type.zh() + "已儲存於" + medium + "，以掛號郵件寄出，郵件編號 " + mediumArticle + "。"),
                        new Bilingual("The PIN envelope comes in a separate registered letter. Keep it apart from the medium.",
                                "密碼信封會另以掛號信寄出。請把密碼信封與儲存媒體分開存放。")),
                Optional.empty(), caseRef);
    }

    /** A certificate waits at a counter for the customer (written onto their token there). */
    public static Notice collection(String recipient, ReceiptLanguage lang, String caseRef, Bilingual type, Bilingual office, String token) {
        return compose(NoticeKind.COLLECTION, caseRef, recipient, lang,
                new Bilingual("Your e-Cert renewal " + caseRef + " is approved: please come to " + office.en(),
                        "你的電子證書續期 " + caseRef + " 已獲批：請到" + office.zh()),
                List.of(new Bilingual("HKPCA has approved the renewal of your " + type.en() + " (" + caseRef + ").",
                                "香港郵政核證機關已批核你的" + type.zh() + "續期（" + caseRef + "）。"),
                        new Bilingual("Please come to " + office.en() + " with your " + token + " and the identity document you showed when"
                                + " you applied, and quote the case reference: the renewed certificate is written onto the token at the counter.",
                                "請帶同你的 " + token + " 及申請時出示的身份證明文件到" + office.zh() + "，並提供個案編號：續期證書會在櫃位寫入儲存器。")),
                Optional.empty(), caseRef);
    }

    static Notice compose(NoticeKind kind, String eventKey, String recipient, ReceiptLanguage lang, Bilingual subject,
                          List<Bilingual> paragraphs, Optional<Notice.Attachment> attachment, String caseRef) {
        boolean zhFirst = lang == ReceiptLanguage.ZH;
        String subj = zhFirst ? subject.zh() + " / " + subject.en() : subject.en() + " / " + subject.zh();
        List<Bilingual> all = new ArrayList<>(paragraphs);
        all.add(NO_REPLY);
        all.add(SIGNATURE);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"" + (zhFirst ? "zh-HK" : "en") + "\"><head><meta charset=\"UTF-8\">"
                + "<title>" + escape(subj) + "</title></head><body>");
        for (int pass = 0; pass < 2; pass++) {
            boolean zh = (pass == 0) == zhFirst;
            if (pass == 1) {
                text.append("\n----------------------------------------\n\n");
                html.append("<hr>");
            }
            html.append("<div lang=\"").append(zh ? "zh-HK" : "en").append("\">");
            for (Bilingual b : all) {
                String line = zh ? b.zh() : b.en();
                text.append(line).append("\n\n");
                html.append(line.startsWith("http") ? "<p><a href=\"" + escape(line) + "\">" + escape(line) + "</a></p>" : "<p>" + escape(line) + "</p>");
            }
            html.append("</div>");
        }
        html.append("</body></html>");
        return new Notice(kind, eventKey, recipient, subj, text.toString().trim() + "\n", html.toString(), attachment, caseRef);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
