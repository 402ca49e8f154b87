package hk.post.ecert.counter.domain.model.kiosk;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.Reinstatement;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the kiosk tells a customer about their certificate (issue 29), in the customer's words and both languages,
 * true to the seed for each type and state. One place answers, so the kiosk screen and its ticket say the same; no
 * answer tells the customer to do what only staff do.
 */
public final class KioskAnswers {

    private KioskAnswers() {
    }

    /** What is known of the certificate when the kiosk answers. */
    public record Facts(CertificateType type, Variant variant, SubscriberCertificate cert, RenewalWindow window, LocalDate today,
                        int extensionYears, String extensionFee, Optional<Bilingual> notPreparable, Reinstatement reinstatement) {

        public Facts(CertificateType type, Variant variant, SubscriberCertificate cert, RenewalWindow window, LocalDate today,
                     int extensionYears, String extensionFee, Optional<Bilingual> notPreparable) {
            this(type, variant, cert, window, today, extensionYears, extensionFee, notPreparable, Reinstatement.NONE);
        }
    }

    /** The next step, in one or two sentences. */
    public static Bilingual next(Facts f) {
        SubscriberCertificate c = f.cert();
        if (f.type().channel() == Channel.REFERRAL) {
            return new Bilingual("This certificate is not renewed at the post office. It is renewed by: "
                    + f.variant().referral().map(r -> r.body().en()).orElse(""),
                    "此證書不在郵政局續期，請聯絡：" + f.variant().referral().map(r -> r.body().zh()).orElse(""));
        }
        if (f.type().channel() == Channel.HKPCA_DESK) {
            return new Bilingual("This certificate is renewed in person at Hongkong Post Certification Authority (HKPCA), not at"
                    + " a post office, with form " + String.join(" + ", f.variant().forms()) + ".",
                    "此證書須親身到香港郵政核證機關辦理續期，並不在郵政局辦理，請使用表格 " + String.join(" + ", f.variant().forms()) + "。");
        }
        CertificateStatus status = c.status(f.today());
        if (status == CertificateStatus.REVOKED) {
            return new Bilingual("This certificate was revoked. It cannot be renewed: a new application is needed.",
                    "此證書已被撤銷，不能續期：須重新申請。");
        }
        if (status == CertificateStatus.SUSPENDED && f.reinstatement().suspendedForLapse()) {
            // issue 29: suspended because the subscription lapsed — paying it may reinstate the certificate
            if (c.reinstatementRefusal(f.variant(), f.today(), f.reinstatement()).isEmpty() && f.extensionYears() >= 1
                    && !f.extensionFee().isEmpty()) {
                return new Bilingual("Your subscription ended on " + c.subscriptionEnd() + " and the certificate was suspended. You can"
                        + " reinstate it here by paying one year's subscription: " + f.extensionFee() + ", by EPS.",
                        "你的登記期已於 " + c.subscriptionEnd() + " 屆滿，證書已暫停。你可在此以易辦事繳付一年登記費 " + f.extensionFee()
                                + " 恢復證書。");
            }
            if (c.reinstatementRefusal(f.variant(), f.today(), f.reinstatement()).isEmpty()) {
                return new Bilingual("Your subscription ended on " + c.subscriptionEnd() + " and the certificate was suspended. Paying"
                        + " the subscription at the counter reinstates it: please take a ticket.",
                        "你的登記期已於 " + c.subscriptionEnd() + " 屆滿，證書已暫停。到櫃位繳付登記費即可恢復證書：請取票。");
            }
            return new Bilingual("Your subscription ended on " + c.subscriptionEnd() + " and the certificate was suspended. Please ask"
                    + " at the counter whether it can still be reinstated by paying the subscription; if not, a new application is needed.",
                    "你的登記期已於 " + c.subscriptionEnd() + " 屆滿，證書已暫停。請到櫃位查詢可否繳付登記費恢復證書；如不可以，須重新申請。");
        }
        if (status == CertificateStatus.SUSPENDED) {
            return new Bilingual("This certificate is suspended. It cannot be renewed or extended: a new application is needed.",
                    "此證書已暫停，不能續期或延長登記期：須重新申請。");
        }
        if (status == CertificateStatus.EXPIRED) {
            if ("SERVER".equals(c.typeCode()) && c.subscriptionEnd() != null && !f.today().isAfter(c.subscriptionEnd())) {
                return new Bilingual("This server certificate's 199 days have ended, but your subscription runs to " + c.subscriptionEnd()
                        + ". Please go to the counter: it is re-issued free within your subscription.",
                        "此伺服器證書的 199 日有效期已完結，但你的登記期至 " + c.subscriptionEnd() + "。請到櫃位辦理：登記期內可免費重新簽發。");
            }
            return new Bilingual("This certificate expired on " + c.validTo() + ". It cannot be renewed: a new application is needed.",
                    "此證書已於 " + c.validTo() + " 到期，不能續期：須重新申請。");
        }
        if (f.extensionYears() >= 1) {
            if (f.extensionFee().isEmpty()) {
                return new Bilingual("Your subscription ends on " + c.subscriptionEnd() + ". It can be extended at the counter.",
                        "你的登記期於 " + c.subscriptionEnd() + " 屆滿，可到櫃位延長。");
            }
            return new Bilingual("You can extend your subscription here by one year: " + f.extensionFee() + ", paid by EPS. It ends on "
                    + c.subscriptionEnd() + "; without an extension the certificate is suspended after that day.",
                    "你可在此延長登記期一年：" + f.extensionFee() + "，以易辦事付款。登記期於 " + c.subscriptionEnd() + " 屆滿；如不延長，證書其後會被暫停。");
        }
        RenewalWindow w = f.window();
        switch (w.position()) {
            case NOT_YET_OPEN:
                return new Bilingual("Nothing to do yet. You can renew from " + w.opens() + " (your certificate expires on " + c.validTo() + ").",
                        "現時毋須辦理。你可由 " + w.opens() + " 起續期（證書於 " + c.validTo() + " 到期）。");
            case OPEN:
                String how = f.notPreparable().map(Bilingual::en).orElse("Take a ticket here and renew at the counter.");
                String howZh = f.notPreparable().map(Bilingual::zh).orElse("請在此取票，到櫃位續期。");
                Period left = Period.between(f.today(), c.validTo());
                if (w.opens() == null && left.toTotalMonths() >= 2) {
                    // renewal is accepted any day, but the renewed certificate starts on its issue day
                    LocalDate usual = c.validTo().minusMonths(1);
                    return new Bilingual("You may renew now, but the renewed certificate starts on the day it is issued, so the "
                            + left.toTotalMonths() + " months left on this one would be given up. Most customers renew from " + usual
                            + " (it expires on " + c.validTo() + "). " + how,
                            "你現在可以續期，但續期後的證書由簽發當日起計，此證書餘下的 " + left.toTotalMonths() + " 個月將會作廢。一般客戶會在 "
                                    + usual + " 起續期（證書於 " + c.validTo() + " 到期）。" + howZh);
                }
                return new Bilingual("You can renew now (your certificate expires on " + c.validTo() + "). " + how,
                        "你現在可以續期（證書於 " + c.validTo() + " 到期）。" + howZh);
            default:
                return new Bilingual("Please ask at the counter about renewing this certificate.", "請到櫃位查詢此證書的續期安排。");
        }
    }

    /** What to bring to the counter for this variant's renewal, one line each. */
    public static List<Bilingual> toBring(Variant v) {
        List<Bilingual> out = new ArrayList<>();
        for (String d : v.documents()) {
            out.add(switch (d) {
                case "FORM" -> new Bilingual("The renewal form " + String.join(" + ", v.forms()) + ", signed (an organisation's also"
                        + " chopped with its company chop)", "已簽署的續期表格 " + String.join(" + ", v.forms()) + "（機構須另蓋公司印章）");
                case "HKID_ORIGINAL_SEEN" -> new Bilingual("Your HKID card (the original)", "你的香港身份證正本");
                case "AR_IDENTITY" -> new Bilingual("The Authorised Representative's identity document", "獲授權代表的身份證明文件");
                case "AR_AUTHORISATION_IF_CHANGED" -> new Bilingual("If the Authorised Representative has changed: the organisation's"
                        + " authorisation of the new one", "如獲授權代表已更改：機構對新獲授權代表的授權文件");
                case "AR_AUTHORISATION" -> new Bilingual("The organisation's authorisation of the Authorised Representative",
                        "機構對獲授權代表的授權文件");
                case "BUSINESS_REGISTRATION" -> new Bilingual("A copy of the Business Registration certificate (or equivalent)",
                        "商業登記證（或同等文件）副本");
                case "ANNEX_2_CHECKLIST" -> new Bilingual("The Annex 2 document checklist", "附件二文件清單");
                default -> new Bilingual(d, d);
            });
        }
        return out;
    }
}
