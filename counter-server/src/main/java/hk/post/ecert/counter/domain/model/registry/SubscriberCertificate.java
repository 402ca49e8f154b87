package hk.post.ecert.counter.domain.model.registry;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Variant;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A certificate in the subscriber registry: type and variant, subject, serial, validity, the subscription period
 * (e-Cert (Personal)), status, medium, and for organisational types the AR and whether it has AEOI functions. The
 * HKID is held only masked here; lookups by HKID go through a keyed digest.
 */
public record SubscriberCertificate(String serialHex, String srn, String typeCode, String variantCode, String issuingCa,
                                    String subjectName, String hkidMasked, String brNumber, LocalDate validFrom,
                                    LocalDate validTo, LocalDate subscriptionEnd, CertificateStatus recordedStatus,
                                    String medium, String arName, boolean aeoi) {

    /** The status today: a suspension or revocation as recorded, otherwise expired once past its validity. */
    public CertificateStatus status(LocalDate today) {
        if (recordedStatus == CertificateStatus.REVOKED || recordedStatus == CertificateStatus.SUSPENDED) {
            return recordedStatus;
        }
        return today.isAfter(validTo) ? CertificateStatus.EXPIRED : CertificateStatus.ACTIVE;
    }

    public Optional<LocalDate> subscription() {
        return Optional.ofNullable(subscriptionEnd);
    }

    /**
     * Rule 1: an expired, suspended or revoked certificate is not renewed or extended; the customer makes a new
     * application. Empty when the certificate may be renewed or extended.
     */
    public Optional<Bilingual> newApplicationNeeded(LocalDate today) {
        return switch (status(today)) {
            case ACTIVE -> Optional.empty();
            case EXPIRED -> subscriptionEnd != null && "SERVER".equals(typeCode) && !today.isAfter(subscriptionEnd)
                    ? Optional.of(new Bilingual("This certificate's 199 days ended on " + validTo + "; the subscription runs to "
                    + subscriptionEnd + ": open a free re-issue within the subscription, not a renewal or a new application.",
                    "此證書的 199 日有效期已於 " + validTo + " 完結；登記期至 " + subscriptionEnd + "：請開立登記期內免費重新簽發，毋須續期或重新申請。"))
                    : Optional.of(new Bilingual("This certificate expired on " + validTo + ". It cannot be renewed:"
                    + " the customer makes a new application.", "此證書已於 " + validTo + " 屆滿，不能續期：客戶須重新申請。"));
            case SUSPENDED -> Optional.of(new Bilingual("This certificate is suspended. It cannot be renewed or extended:"
                    + " the customer makes a new application.", "此證書已暫停，不能續期或延長：客戶須重新申請。"));
            case REVOKED -> Optional.of(new Bilingual("This certificate is revoked. It cannot be renewed or extended:"
                    + " the customer makes a new application.", "此證書已撤銷，不能續期或延長：客戶須重新申請。"));
        };
    }

    /**
     * Rule 1 for e-Cert (Server): why this certificate cannot have a free re-issue within its subscription today, or
     * empty when it can — a Server certificate, neither suspended nor revoked, whose paid subscription still runs and
     * whose 199 days have ended or end within {@code leadDays}.
     */
    public Optional<Bilingual> reissueRefusal(Variant variant, LocalDate today, int leadDays) {
        if (variant.maxCertificateDays() <= 0) {
            return Optional.of(new Bilingual("Only an e-Cert (Server) is re-issued within its subscription.",
                    "只有電子證書（伺服器）可在登記期內重新簽發。"));
        }
        if (recordedStatus == CertificateStatus.SUSPENDED || recordedStatus == CertificateStatus.REVOKED) {
            return newApplicationNeeded(today);
        }
        if (subscriptionEnd == null || today.isAfter(subscriptionEnd)) {
            return Optional.of(new Bilingual("The subscription " + (subscriptionEnd == null ? "is not on record" : "ended on " + subscriptionEnd)
                    + ": renew the subscription, or make a new application.",
                    "登記期" + (subscriptionEnd == null ? "沒有記錄" : "已於 " + subscriptionEnd + " 屆滿") + "：請續期或重新申請。"));
        }
        if (today.isBefore(validTo.minusDays(leadDays))) {
            return Optional.of(new Bilingual("This certificate is valid to " + validTo + ": a re-issue is given from "
                    + validTo.minusDays(leadDays) + ".", "此證書有效至 " + validTo + "：可於 " + validTo.minusDays(leadDays) + " 起重新簽發。"));
        }
        return Optional.empty();
    }

    /** Whether a free re-issue within the subscription is what this certificate needs today (Server; see above). */
    public boolean reissueDue(Variant variant, LocalDate today, int leadDays) {
        return reissueRefusal(variant, today, leadDays).isEmpty();
    }

    /**
     * Rule 2: how many whole years of subscription can be paid for now — each extends the subscription by one year,
     * never past the certificate's own expiry. Zero means renewal is the answer. Only a variant with an extension fee
     * (e-Cert (Personal)) has an annual subscription to extend: a Mutual Recognition certificate is issued for the years
     * paid for, even if an older record carries a subscription date.
     */
    public int extensionYearsAvailable(Variant variant, LocalDate today) {
        return extensionYearsAvailable(variant, today, Reinstatement.NONE);
    }

    /** As above; a certificate suspended for a lapse that may be reinstated today counts as active. */
    public int extensionYearsAvailable(Variant variant, LocalDate today, Reinstatement reinstatement) {
        boolean reinstating = reinstatementRefusal(variant, today, reinstatement).isEmpty();
        if (variant.extensionFeeItem().isEmpty() || subscriptionEnd == null
                || (status(today) != CertificateStatus.ACTIVE && !reinstating)) {
            return 0;
        }
        int n = 0;
        while (!subscriptionEnd.plusYears(n + 1).isAfter(validTo)) {
            n++;
        }
        return n;
    }

    /**
     * Whether this certificate is suspended tonight because its subscription lapsed (issue 29): only a certificate of a
     * variant with an annual subscription (e-Cert (Personal) Standard), active, whose subscription ended before
     * {@code today}. A Mutual Recognition certificate is issued for the years paid for and has no subscription to
     * lapse, even when an older record carries a subscription date.
     */
    public boolean subscriptionLapsed(Variant variant, LocalDate today) {
        return variant.extensionFeeItem().isPresent() && subscriptionEnd != null && today.isAfter(subscriptionEnd)
                && !today.isAfter(validTo) && status(today) == CertificateStatus.ACTIVE;
    }

    /**
     * Whether this suspended certificate may be reinstated today by paying its subscription (issue 29), or why not:
     * only an e-Cert (Personal) with an annual subscription, suspended because the subscription lapsed, not expired;
     * within the grace period HKPCA set after the lapse, or after it with a supervisor's approval given today.
     * Empty when it may be reinstated.
     */
    public Optional<Bilingual> reinstatementRefusal(Variant variant, LocalDate today, Reinstatement r) {
        if (recordedStatus != CertificateStatus.SUSPENDED || !r.suspendedForLapse() || variant.extensionFeeItem().isEmpty()
                || subscriptionEnd == null || today.isAfter(validTo)) {
            return newApplicationNeeded(today).or(() -> Optional.of(new Bilingual("This certificate is not suspended for a lapsed"
                    + " subscription.", "此證書並非因登記期屆滿而暫停。")));
        }
        if (r.approvedBy().isPresent()) {
            return Optional.empty();
        }
        if (r.graceDays().isPresent() && !today.isAfter(subscriptionEnd.plusDays(r.graceDays().get()))) {
            return Optional.empty();
        }
        String after = r.graceDays().map(d -> "HKPCA's grace period of " + d + " days after it ended on " + subscriptionEnd.plusDays(d))
                .orElse("HKPCA has set no grace period");
        String afterZh = r.graceDays().map(d -> "核證機關給予的 " + d + " 日寬限期已於 " + subscriptionEnd.plusDays(d) + " 完結")
                .orElse("核證機關未有設定寬限期");
        return Optional.of(new Bilingual("The subscription lapsed on " + subscriptionEnd + " and the certificate was suspended; " + after
                + ". A supervisor may approve reinstating it, with a reason; otherwise the customer makes a new application.",
                "登記期已於 " + subscriptionEnd + " 屆滿，證書已暫停；" + afterZh + "。主管可批准恢復證書並註明原因；否則客戶須重新申請。"));
    }

    /** The subscription end after paying {@code years} more, refused when it would pass the certificate's expiry. */
    public LocalDate extendedBy(Variant variant, int years, LocalDate today) {
        return extendedBy(variant, years, today, Reinstatement.NONE);
    }

    /**
     * As above; a certificate suspended for a lapse is extended — and so reinstated — only as {@link
     * #reinstatementRefusal} allows, and only by enough years that the subscription runs past today.
     */
    public LocalDate extendedBy(Variant variant, int years, LocalDate today, Reinstatement reinstatement) {
        if (!variant.code().equals(variantCode)) {
            throw new IllegalArgumentException("the variant of " + serialHex + " is " + variantCode + ", not " + variant.code());
        }
        if (recordedStatus == CertificateStatus.SUSPENDED && reinstatement.suspendedForLapse()) {
            reinstatementRefusal(variant, today, reinstatement).ifPresent(m -> {
                throw new RegistryRefusal(m);
            });
            if (!subscriptionEnd.plusYears(Math.max(years, 0)).isAfter(today)) {
                throw new RegistryRefusal(new Bilingual("Reinstating needs a subscription that runs past today: pay more years.",
                        "恢復證書須令登記期延至今日以後：請繳付更多年數。"));
            }
        } else {
            newApplicationNeeded(today).ifPresent(m -> {
                throw new RegistryRefusal(m);
            });
        }
        if (variant.extensionFeeItem().isEmpty() || subscriptionEnd == null) {
            throw new RegistryRefusal(new Bilingual("Only an e-Cert (Personal) has an annual subscription to extend; "
                    + variant.name().en() + " is issued for the years paid for: renew the certificate instead.",
                    "只有電子證書（個人）設有可延長的年度登記期；" + variant.name().zh() + " 按已繳付的年期發出：請改為續期。"));
        }
        int available = extensionYearsAvailable(variant, today, reinstatement);
        if (years < 1 || years > available) {
            throw new RegistryRefusal(available == 0
                    ? new Bilingual("The subscription already runs to the certificate's expiry (" + validTo + "): renew the"
                    + " certificate instead.", "登記期已延至證書屆滿日（" + validTo + "）：請改為續期。")
                    : new Bilingual("At most " + available + " year(s) can be added: the subscription never runs past the"
                    + " certificate's expiry (" + validTo + ").", "最多可延長 " + available + " 年：登記期不可超過證書屆滿日（" + validTo + "）。"));
        }
        return subscriptionEnd.plusYears(years);
    }

    /**
     * A paid extension taken back (its sale voided or refunded): the subscription ends where it did before the
     * extension, unless something later rests on it — a later extension not taken back, or a renewal since.
     */
    public LocalDate withoutExtension(LocalDate extendedFrom, LocalDate extendedTo, boolean renewedSince) {
        if (renewedSince) {
            throw new RegistryRefusal(new Bilingual("The certificate has been renewed since this extension was paid: the"
                    + " extension cannot be taken back.", "此延長登記期付款後，證書已續期：不能撤銷該延長。"));
        }
        if (subscriptionEnd == null || !subscriptionEnd.equals(extendedTo)) {
            throw new RegistryRefusal(new Bilingual("A later extension rests on this one (the subscription now runs to "
                    + subscriptionEnd + "): reverse that one first.",
                    "此延長之後另有延長（登記期現至 " + subscriptionEnd + "）：請先撤銷較後的一項。"));
        }
        return extendedFrom;
    }
}
