package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.Referral;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.devices.printer.ReceiptDocument;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The bilingual slip a clerk hands a customer whose certificate is not renewed at the counter: which body renews
 * it and where to find that body. Costs nothing and records no personal data.
 */
public final class ReferralSlip {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReferralSlip() {
    }

    public static ReceiptDocument compose(String slipId, CertificateType type, Variant variant, String office,
                                          String counter, String clerk, ZonedDateTime at) {
        if (type.channel() != Channel.REFERRAL) {
            throw new IllegalArgumentException(type.code() + " is renewed at " + type.channel() + ", not referred");
        }
        Referral referral = variant.referral()
                .orElseThrow(() -> new IllegalArgumentException(type.code() + "/" + variant.code() + " names no referral body"));
        ReceiptDocument.Builder b = ReceiptDocument.builder(slipId)
                .centered("Hongkong Post e-Cert 香港郵政電子證書")
                .title("REFERRAL SLIP")
                .title("轉介便條")
                .rule()
                .columns("Office 郵政局", office)
                .columns("Counter 櫃位", counter)
                .columns("Clerk 職員", clerk)
                .columns("Date 日期", WHEN.format(at))
                .columns("Slip no. 編號", slipId)
                .rule()
                .bold("Certificate 證書:")
                .text(type.name().en())
                .text(type.name().zh());
        if (type.variants().size() > 1) {
            b.text(variant.name().en() + " " + variant.name().zh());
        }
        b.rule()
                .bold("This certificate is not renewed at post office counters. Please contact:")
                .bold("此類證書不在郵政局櫃位續期，請聯絡：")
                .feed(1)
                .text(referral.body().en())
                .text(referral.body().zh());
        if (!referral.url().isBlank()) {
            b.text(referral.url());
        }
        b.feed(1)
                .text("The renewing body will notify the subscriber.")
                .text("續期機構會通知登記人。")
                .rule()
                .qr(slipId)
                .feed(3)
                .cut();
        return b.build();
    }
}
