package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.devices.printer.ReceiptDocument;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The bilingual "what happens next" slip every renewal case gives the customer, for its type and the way the renewed
 * certificate reaches them: Server — the approval e-mail, the CSR, the user guide; by post — the medium and the PIN
 * envelope in two separate registered letters; Mutual Recognition — the token brand; e-Cert (Personal) — its one-year
 * subscription; and the other ways to renew, per variant (online; for e-Cert (Personal) with a subscription also a reply
 * to the Subscription Expiry Notice with an e-Cheque). It carries the case
 * reference and the certificate type only: no personal data.
 */
public final class NextStepsSlip {

    private NextStepsSlip() {
    }

    private static final Bilingual TITLE = new Bilingual("WHAT HAPPENS NEXT", "續期後續安排");
    private static final Bilingual CASE = new Bilingual("Case", "個案");
    private static final Bilingual CERTIFICATE = new Bilingual("Certificate", "證書");
    private static final Bilingual OTHER_WAYS = new Bilingual("Other ways to renew next time:", "下次續期的其他途徑：");

    static final Bilingual SERVER_APPROVAL = new Bilingual(
            "When HKPCA approves the application, it e-mails the Authorised Representative a link to upload the CSR.",
            "香港郵政核證機關批核申請後，會以電郵把上載 CSR 的連結發給獲授權代表。");
    static final Bilingual SERVER_CSR = new Bilingual(
            "Then make a PKCS#10 certificate signing request (CSR) on the server, naming only the approved server name(s)"
                    + " (RSA of 2048 bits or more, or an accepted EC curve), and upload it through that link, or bring it on a USB"
                    + " drive to any post office counter with this case reference.",
            "其後請在伺服器上產生 PKCS#10 證書簽署要求（CSR），只列明已批核的伺服器名稱（RSA 2048 位元或以上，或認可的橢圓曲線），"
                    + "並經該連結上載，或連同此個案編號以 USB 儲存裝置帶到任何郵政局櫃位。");
    static final Bilingual SERVER_GUIDE = new Bilingual("The e-Cert (Server) user guide: www.ecert.gov.hk",
            "電子證書（伺服器）使用指南：www.ecert.gov.hk");
    static final Bilingual SERVER_REISSUE = new Bilingual(
            "Each certificate lasts at most 199 days; within the paid subscription it is re-issued free of charge.",
            "每張證書最長有效 199 日；在已繳付的登記期內免費重新簽發。");
    static final Bilingual BY_POST = new Bilingual(
            "The new storage medium and the PIN envelope come by registered mail in two separate letters. Keep the PIN"
                    + " envelope apart from the medium.",
            "新的儲存媒體及密碼信封會分兩封掛號信寄出。請把密碼信封與儲存媒體分開存放。");
    static final Bilingual AT_COUNTER = new Bilingual(
            "Keep your token's PIN to yourself.",
            "請妥善保管你的儲存器密碼。");
    static final Bilingual ONLINE_PERSONAL = new Bilingual(
            "Online at www.ecert.gov.hk, or reply to the Subscription Expiry Notice e-mail with an e-Cheque payable to"
                    + " \"Postmaster General\" (your Subscriber Reference Number in the remarks).",
            "於 www.ecert.gov.hk 網上辦理，或以電子支票（抬頭「Postmaster General」，備註註明登記人參考編號）回覆「登記期屆滿通知」電郵。");
    static final Bilingual SUBSCRIPTION_PERSONAL = new Bilingual(
            "The renewed certificate is valid for three years; its subscription is one year, and each further year is paid for"
                    + " (HK$48 a year at present) at any post office, a kiosk or online. A subscription not extended ends in"
                    + " suspension of the certificate.",
            "續期證書有效期為三年，登記期為一年；其後每年須繳付登記費（現為每年港幣 48 元），可於任何郵政局、自助服務機或網上辦理。"
                    + "如不延長登記期，證書將被暫停。");
    static final Bilingual ONLINE_PERSONAL_MR = new Bilingual("Online at www.ecert.gov.hk, or at any post office.",
            "於 www.ecert.gov.hk 網上辦理，或親臨任何郵政局。");
    static final Bilingual ONLINE_SERVER = new Bilingual(
            "Online at www.ecert.gov.hk while the Authorised Representative is unchanged.",
            "如獲授權代表不變，可於 www.ecert.gov.hk 網上辦理。");
    static final Bilingual ONLINE_ORGANISATION = new Bilingual(
            "Online at www.ecert.gov.hk while the Authorised Representative is unchanged, signed with the AR's own active"
                    + " e-Cert (Organisational).",
            "如獲授權代表不變，可由獲授權代表以其有效的電子證書（機構）簽署，於 www.ecert.gov.hk 網上辦理。");

    /**
     * Issue 29: a certificate written onto the customer's token is written only after HKPCA approves the renewal, so the
     * customer comes back — to the office where the case was opened, with the token and the identity document — and
     * the counter can say at any time whether the case is approved.
     */
    static Bilingual collect(Bilingual office, Variant variant) {
        String token = variant.tokenBrand().map(b -> b.name() + " token").orElse("token");
        String tokenZh = variant.tokenBrand().map(b -> b.name() + " 儲存器").orElse("儲存器");
        Bilingual where = office == null ? new Bilingual("the post office where you applied", "你申請的郵政局") : office;
        return new Bilingual("HKPCA vets the renewal first. Once it is approved, come back to " + where.en() + " with your " + token
                + " and the identity document you showed today, and quote this case reference: the renewed certificate is written"
                + " onto the token there. That office can tell you, with the reference, whether it is approved.",
                "香港郵政核證機關會先審核續期申請。獲批後，請帶同你的 " + tokenZh + " 及今日出示的身份證明文件，回到" + where.zh()
                        + "，並提供此個案編號：續期證書會在櫃位寫入儲存器。該郵政局可憑個案編號告訴你申請是否已獲批。");
    }

    /** What the customer is told, in order, for a case of this type, variant and delivery. */
    public static List<Bilingual> steps(CertificateType type, Variant variant, RenewalCase.Delivery delivery) {
        return steps(type, variant, delivery, null);
    }

    /** As above, naming the office where a certificate written at the counter is collected. */
    public static List<Bilingual> steps(CertificateType type, Variant variant, RenewalCase.Delivery delivery, Bilingual office) {
        List<Bilingual> out = new ArrayList<>();
        switch (delivery) {
            case CSR -> {
                out.add(SERVER_APPROVAL);
                out.add(SERVER_CSR);
                out.add(SERVER_GUIDE);
                out.add(SERVER_REISSUE);
            }
            case DISPATCH -> out.add(BY_POST);
            case TOKEN_AT_COUNTER -> {
                out.add(collect(office, variant));
                out.add(AT_COUNTER);
            }
        }
        if (variant.extensionFeeItem().isPresent()) {
            out.add(SUBSCRIPTION_PERSONAL);
        }
        variant.tokenBrand().ifPresent(brand -> out.add(new Bilingual(
                "Mutual Recognition: this certificate goes only onto a " + brand.name() + " e-Cert Token. Bring a " + brand.name()
                        + " token, never another brand.",
                "「互認」證書只可寫入 " + brand.name() + " 電子證書儲存器：請帶同 " + brand.name() + " 儲存器，不可使用其他品牌。")));
        return out;
    }

    /**
     * The other ways this type and variant can be renewed, as the seed's tables give them (issue 29): the Subscription
     * Expiry Notice reply only for a certificate with a subscription (not Mutual Recognition); Server online while the
     * Authorised Representative is unchanged.
     */
    public static List<Bilingual> otherWays(CertificateType type, Variant variant) {
        return switch (type.code()) {
            case "PERSONAL" -> List.of(variant.extensionFeeItem().isPresent() ? ONLINE_PERSONAL : ONLINE_PERSONAL_MR);
            case "ORGANISATIONAL", "ENCIPHERMENT" -> List.of(ONLINE_ORGANISATION);
            case "SERVER" -> List.of(ONLINE_SERVER);
            default -> List.of();
        };
    }

    public static ReceiptDocument compose(String slipId, String caseRef, CertificateType type, Variant variant,
                                          RenewalCase.Delivery delivery, Bilingual office, String counter, String clerk,
                                          ZonedDateTime at, ReceiptLanguage lang) {
        ReceiptDocument.Builder b = ReceiptDocument.builder(slipId)
                .centered(lang.label(ReceiptLabels.POST) + " e-Cert")
                .title(lang.first(TITLE))
                .title(lang.second(TITLE))
                .rule();
        PaymentReceipt.header(b, office, counter, clerk, at, lang)
                .columns(lang.label(CASE), caseRef)
                .rule()
                .bold(lang.label(CERTIFICATE) + ":")
                .text(lang.first(type.name()))
                .text(lang.second(type.name()));
        if (type.variants().size() > 1) {
            b.text(lang.label(variant.name()));
        }
        b.rule();
        for (Bilingual step : steps(type, variant, delivery, office)) {
            b.text("- " + lang.first(step)).text("  " + lang.second(step));
        }
        List<Bilingual> others = otherWays(type, variant);
        if (!others.isEmpty()) {
            b.feed(1).bold(lang.first(OTHER_WAYS)).bold(lang.second(OTHER_WAYS));
            for (Bilingual way : others) {
                b.text("- " + lang.first(way)).text("  " + lang.second(way));
            }
        }
        return b.rule().qr(caseRef).feed(3).cut().build();
    }


}
