package hk.post.ecert.counter.application;

import hk.post.ecert.counter.application.receipt.ReceiptSeals;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.receipt.ReferralSlip;
import hk.post.ecert.devices.printer.ReceiptDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZonedDateTime;
import java.util.UUID;

/** Prints a referral slip on the receipt printer of the clerk's counter. */
@ApplicationScoped
public class ReferralSlips {

    @Inject
    Triage triage;

    @Inject
    DeviceJobs jobs;

    @Inject
    CounterOverview counters;

    @Inject
    ReceiptSeals seals;

    /**
     * @param slipId  the slip's number, printed on it
     * @param printId chosen by the screen before the first submit, so a double click prints one slip; a later print
     *                of the same slip carries a new print id and comes out marked COPY
     * @return the device job id
     */
    public String print(String slipId, String printId, String typeCode, String variantCode, String clerk,
                        ReceiptLanguage language) {
        CertificateType type = triage.catalogue().type(typeCode);
        Variant variant = type.variant(variantCode);
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        String terminalId = counters.terminalAt(place)
                .orElseThrow(() -> new IllegalStateException("no enrolled terminal at counter " + place.counter()));
        ZonedDateTime at = ZonedDateTime.now(Triage.HONG_KONG);
        String seal = seals.seal(ReceiptSeals.unjournalled(
                ReceiptStatement.Kind.REFERRAL_SLIP, place.office(), place.counter(), slipId,
                at.toInstant(), ReferralSlip.sealedLines(type, variant)));
        ReceiptDocument slip = ReferralSlip.compose(slipId, type, variant, Offices.name(place.office()), place.counter(),
                clerk, at, language, seal);
        boolean copy = !printId.equals(slipId);
        return jobs.submitPrintOnce(printId, terminalId, copy ? slip.asCopy() : slip, (copy ? "COPY of referral slip " : "Referral slip ")
                + type.name().en()
                + (type.variants().size() > 1 ? " / " + variant.name().en() : ""), clerk);
    }

    public static String newSlipId() {
        return "RS-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }
}
