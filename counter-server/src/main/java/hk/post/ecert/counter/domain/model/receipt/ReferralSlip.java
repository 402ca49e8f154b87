package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Referral;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.devices.printer.ReceiptDocument;

import java.time.ZonedDateTime;

/**
 * The bilingual slip a clerk hands a customer whose certificate is not renewed at the counter: which body renews
 * it and where to find that body. Costs nothing and records no personal data.
 */
public final class ReferralSlip {

    private ReferralSlip() {
    }



    private static final Bilingual TITLE = new Bilingual("REFERRAL SLIP", "轉介便條");
    private static final Bilingual SLIP_NO = new Bilingual("Slip no.", "編號");
    private static final Bilingual CERTIFICATE = new Bilingual("Certificate", "證書");
    private static final Bilingual NOT_HERE = new Bilingual(
            "This certificate is not renewed at post office counters. Please contact:",
            "此類證書不在郵政局櫃位續期，請聯絡：");
    private static final Bilingual NOTIFIES = new Bilingual("The renewing body will notify the subscriber.",
            "續期機構會通知登記人。");

    /** The lines a referral slip's seal digests: the type, the variant and the body it refers to. */
    public static java.util.List<String> sealedLines(CertificateType type, Variant variant) {
        return java.util.List.of(type.code(), variant.code(), variant.referral().map(r -> r.body().en() + "|" + r.url()).orElse(""));
    }

    public static ReceiptDocument compose(String slipId, CertificateType type, Variant variant, Bilingual office,
                                          String counter, String clerk, ZonedDateTime at, ReceiptLanguage lang) {
        return compose(slipId, type, variant, office, counter, clerk, at, lang, slipId);
    }

    /** As above, with the slip's signed statement for its QR code. */
    public static ReceiptDocument compose(String slipId, CertificateType type, Variant variant, Bilingual office,
                                          String counter, String clerk, ZonedDateTime at, ReceiptLanguage lang, String seal) {
        if (type.channel() != Channel.REFERRAL) {
            throw new IllegalArgumentException(type.code() + " is renewed at " + type.channel() + ", not referred");
        }
        Referral referral = variant.referral()
                .orElseThrow(() -> new IllegalArgumentException(type.code() + "/" + variant.code() + " names no referral body"));
        ReceiptDocument.Builder b = ReceiptDocument.builder(slipId)
                .centered(lang.label(ReceiptLabels.POST) + " e-Cert")
                .title(lang.first(TITLE))
                .title(lang.second(TITLE))
                .rule();
        PaymentReceipt.header(b, office, counter, clerk, at, lang)
                .columns(lang.label(SLIP_NO), slipId)
                .rule()
                .bold(lang.label(CERTIFICATE) + ":")
                .text(lang.first(type.name()))
                .text(lang.second(type.name()));
        if (type.variants().size() > 1) {
            b.text(lang.label(variant.name()));
        }
        b.rule()
                .bold(lang.first(NOT_HERE))
                .bold(lang.second(NOT_HERE))
                .feed(1)
                .text(lang.first(referral.body()))
                .text(lang.second(referral.body()));
        if (!referral.url().isBlank()) {
            b.text(referral.url());
        }
        b.feed(1)
                .text(lang.first(NOTIFIES))
                .text(lang.second(NOTIFIES))
                .rule()
                .qr(seal)
                .feed(3)
                .cut();
        return b.build();
    }
}
