package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.catalogue.CertificateType;
import hk.post.ecert.counter.domain.model.receipt.NextStepsSlip;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.devices.printer.ReceiptDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZonedDateTime;

/** Prints a case's "what happens next" slip on the receipt printer of the clerk's counter. */
@ApplicationScoped
public class NextStepsSlips {

    @Inject
    Triage triage;

    @Inject
    RenewalCases cases;

    @Inject
    DeviceJobs jobs;

    @Inject
    CounterOverview counters;

    /**
     * @param printId chosen by the screen before the first submit (a double click prints one slip); the first print of a
     *                case's slip has the case's slip id, every later one is marked COPY
     * @param screenLanguage the slip's language when the customer has not said which they read (else the case's)
     * @return the device job id
     */
    public String print(String caseRef, String printId, String clerk, ReceiptLanguage screenLanguage) {
        RenewalCase k = cases.view(caseRef).map(RenewalCases.View::renewal)
                .orElseThrow(() -> new CaseRefusal("No case " + caseRef + ".", "沒有個案 " + caseRef + "。"));
        ReceiptLanguage language = k.customerLanguage().orElse(screenLanguage);
        CertificateType type = triage.catalogue().type(k.typeCode());
        CounterOverview.CounterPlace place = counters.placeOf(clerk);
        String terminalId = counters.terminalAt(place)
                .orElseThrow(() -> new IllegalStateException("no enrolled terminal at counter " + place.counter()));
        String slipId = slipId(caseRef);
        ReceiptDocument slip = NextStepsSlip.compose(slipId, caseRef, type, type.variant(k.variantCode()), k.delivery(),
                Offices.name(place.office()), place.counter(), clerk, ZonedDateTime.now(Triage.HONG_KONG), language);
        boolean copy = !printId.equals(slipId);
        return jobs.submitPrintOnce(printId, terminalId, copy ? slip.asCopy() : slip,
                (copy ? "COPY of what happens next, " : "What happens next, ") + caseRef, clerk);
    }

    /** The first print of a case's slip carries this id; any other print id is a copy. */
    public static String slipId(String caseRef) {
        return "NS-" + caseRef;
    }
}
