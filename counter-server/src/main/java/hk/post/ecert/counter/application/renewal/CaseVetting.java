package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.notice.CaseNoticeEvent;

import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.vetting.WaitingCase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The HKPCA vetting desk: the queue of cases the counters sent, and the officer's decision on each — approve (a
 * case delivered by post is issued at once), reject with reasons, or ask the counter for more documents. Who may
 * decide is the case's rule ({@link RenewalCase#approve}).
 */
@ApplicationScoped
public class CaseVetting {

    @Inject
    RenewalCases cases;

    @Inject
    RenewalIssuance issuance;

    @Inject
    RenewalCaseRepository repository;

    @Inject
    NewServerNames newServerNames;

    @Inject
    jakarta.enterprise.event.Event<CaseNoticeEvent> caseNotices;

    /** How long a case may wait for vetting before the queue flags it (a setting HKPCA chooses). */
    @Inject
    @ConfigProperty(name = "counter.vetting.flag-after-hours", defaultValue = "24")
    int flagAfterHours;

    /** A case in the queue: the case, its office, how long it has waited, and whether that is past the set time. */
    public record Queued(RenewalCases.View view, Bilingual office, Duration age, boolean overdue) {
        public String ageText() {
            return WaitingCase.text(age);
        }
    }

    /** HKPCA's queue (issue 33): the longest waiting first, each with its office and age, flagged past the set time. */
    @Transactional
    public List<Queued> queue() {
        Instant now = Instant.now();
        Duration flagAfter = Duration.ofHours(flagAfterHours);
        return WaitingCase.oldestFirst(repository.vettingQueue()).stream()
                .map(w -> new Queued(cases.view(w.caseRef()).orElseThrow(), w.office() == null ? new Bilingual("—", "—") : Offices.name(w.office()),
                        w.age(now), w.overdue(now, flagAfter)))
                .toList();
    }

    /** The time after which a waiting case is flagged. */
    public Duration flagAfter() {
        return Duration.ofHours(flagAfterHours);
    }

    /** Approves; a case delivered by post is issued at once (the key pair generated on the subscriber's behalf). */
    @Transactional
    public Optional<char[]> approve(String caseRef, String officer, String note) {
        return approve(caseRef, officer, note, false);
    }

    /** As above; names beyond the renewed certificate's are approved only when the officer says so ({@code newNamesApproved}). */
    @Transactional
    public Optional<char[]> approve(String caseRef, String officer, String note, boolean newNamesApproved) {
        RenewalCase k = cases.load(caseRef).orElseThrow();
        k.approve(officer, note, newServerNames.of(k), newNamesApproved);
        repository.event(caseRef, officer, "approved" + (k.vettingNote() == null || k.vettingNote().isBlank() ? "" : ": " + k.vettingNote()));
        Optional<char[]> pin = Optional.empty();
        if (k.delivery() == RenewalCase.Delivery.DISPATCH) {
            pin = Optional.of(issuance.issueOnBehalf(k, officer));
        }
        repository.save(k);
        caseNotices.fire(new CaseNoticeEvent(caseRef, CaseNoticeEvent.Step.APPROVED));
        return pin;
    }

    @Transactional
    public void reject(String caseRef, String officer, String reasons) {
        RenewalCase k = cases.load(caseRef).orElseThrow();
        k.reject(officer, reasons);
        repository.save(k);
        repository.event(caseRef, officer, "rejected: " + reasons.trim());
    }

    @Transactional
    public void requestDocuments(String caseRef, String officer, String what) {
        RenewalCase k = cases.load(caseRef).orElseThrow();
        k.requestDocuments(officer, what);
        repository.save(k);
        repository.event(caseRef, officer, "more documents requested: " + what.trim());
    }
}
