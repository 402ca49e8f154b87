package hk.post.ecert.counter.application.officeday;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.kiosk.KioskPayments;
import hk.post.ecert.counter.application.notice.NoticeDelivery;
import hk.post.ecert.counter.application.pos.FeeSettings;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRecord;
import hk.post.ecert.counter.domain.model.devicejob.DeviceJobRepository;
import hk.post.ecert.counter.domain.model.devicejob.JobStatus;
import hk.post.ecert.counter.domain.model.glance.ActOn;
import hk.post.ecert.counter.domain.model.glance.DeviceTimeline;
import hk.post.ecert.counter.domain.model.glance.OfficeGlance;
import hk.post.ecert.counter.domain.model.kiosk.KioskPayment;
import hk.post.ecert.counter.domain.model.kiosk.KioskRecords;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import hk.post.ecert.counter.domain.model.terminal.DeviceHistory;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.devices.job.JobKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's home (issue 33): an office at a glance, gathered from the journal (takings), the kiosk's tickets,
 * the tills, the device history and everything that waits for a person. Read only.
 */
@ApplicationScoped
public class OfficeGlances {

    @Inject
    OfficeDays days;

    @Inject
    CounterOverview counters;

    @Inject
    KioskRecords kiosks;

    @Inject
    KioskPayments kioskPayments;

    @Inject
    DeviceHistory deviceHistory;

    @Inject
    DeviceJobRepository jobs;

    @Inject
    Checkout checkout;

    @Inject
    RenewalCaseRepository cases;

    @Inject
    NoticeDelivery notices;

    @Inject
    FeeSettings fees;

    /** The office as it stands now, on its business day {@code day}. */
    @Transactional
    public OfficeGlance of(String office, LocalDate day, Instant now) {
        Instant dayStart = day.atStartOfDay(TillSession.HONG_KONG).toInstant();
        OfficeGlance.Figures today = OfficeGlance.Figures.of(days.dayReport(office, day));
        OfficeGlance.Figures lastWeek = OfficeGlance.Figures.of(days.dayReport(office, day.minusWeeks(1)));
        int countersOpen = (int) days.tillsOf(office, day).stream().filter(t -> t.status() == TillSession.Status.OPEN)
                .map(TillSession::counter).distinct().count();
        OfficeGlance.Queue queue = OfficeGlance.Queue.of(kiosks.tickets(office, day).stream()
                .map(p -> new OfficeGlance.Ticket(p.ticketNumber(), p.createdAt(), p.calledAt())).toList(), now, countersOpen);
        List<String> terminals = counters.all().stream().filter(t -> office.equals(t.office()) && t.enrolled())
                .map(CounterOverview.TerminalView::terminalId).sorted().toList();
        List<DeviceTimeline> timelines = terminals.stream()
                .map(t -> DeviceTimeline.of(t, deviceHistory.since(t, dayStart), dayStart, now))
                .filter(t -> !t.devices().isEmpty()).toList();
        return new OfficeGlance(office, day, today, lastWeek, queue, timelines, actOn(office, day, terminals, dayStart));
    }

    private List<ActOn> actOn(String office, LocalDate day, List<String> terminals, Instant dayStart) {
        List<ActOn> out = new ArrayList<>();
        out.add(ActOn.of(ActOn.Kind.REFUNDS_OWED, checkout.dayMoney(office, day).refundsOwed().stream()
                .map(o -> o.payable().reference() + " (" + o.sale().transactionNo() + ")").toList()));
        out.add(ActOn.of(ActOn.Kind.KIOSK_ENQUIRING, kioskPayments.unresolved(office).stream().map(KioskPayment::paymentId).toList()));
        out.add(ActOn.of(ActOn.Kind.RECEIPTS_UNKNOWN, jobs.withStatus(terminals, JobKind.PRINT_RECEIPT.name(), JobStatus.UNKNOWN, dayStart)
                .stream().map(DeviceJobRecord::summary).toList()));
        List<RenewalCaseRepository.Awaited> awaited = cases.awaitingCustomer(office);
        out.add(ActOn.of(ActOn.Kind.CASES_AWAITING_CSR, refs(awaited, RenewalCase.State.APPROVED, RenewalCase.Delivery.CSR)));
        out.add(ActOn.of(ActOn.Kind.CASES_AWAITING_COLLECTION, refs(awaited, RenewalCase.State.APPROVED, RenewalCase.Delivery.TOKEN_AT_COUNTER)));
        out.add(ActOn.of(ActOn.Kind.CASES_AWAITING_DISPATCH, refs(awaited, RenewalCase.State.ISSUED, RenewalCase.Delivery.DISPATCH)));
        out.add(ActOn.of(ActOn.Kind.NOTICES_UNDELIVERED, notices.undelivered(50).stream()
                .map(n -> n.notice().kind().name() + " " + (n.notice().caseRef() == null ? "" : n.notice().caseRef())).toList()));
        out.add(ActOn.of(ActOn.Kind.FEES_UNCONFIRMED, fees.unconfirmed().stream()
                .map(r -> r.itemCode() + r.years().map(y -> " " + y + "y").orElse("")).toList()));
        return out;
    }

    private static List<String> refs(List<RenewalCaseRepository.Awaited> awaited, RenewalCase.State state, RenewalCase.Delivery delivery) {
        return awaited.stream().filter(a -> a.state() == state && a.delivery() == delivery).map(RenewalCaseRepository.Awaited::caseRef).toList();
    }
}
