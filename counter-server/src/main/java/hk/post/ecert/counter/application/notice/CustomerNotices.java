package hk.post.ecert.counter.application.notice;

import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.capture.CaptureDesk;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.application.renewal.RenewalIssuance;
import hk.post.ecert.counter.application.renewal.RenewalWindows;
import hk.post.ecert.counter.domain.model.capture.CaptureCase;
import hk.post.ecert.counter.domain.model.catalogue.Channel;
import hk.post.ecert.counter.domain.model.catalogue.CounterMedia;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.kiosk.KioskAnswers;
import hk.post.ecert.counter.domain.model.notice.Notice;
import hk.post.ecert.counter.domain.model.notice.NoticeOutbox;
import hk.post.ecert.counter.domain.model.notice.Notices;
import hk.post.ecert.counter.domain.model.notice.Recipients;
import hk.post.ecert.counter.domain.model.notice.SubscriberContacts;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseOffices;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the counter tells its customers by e-mail (issue 30). Each notice is written to the outbox in the transaction
 * of the event that causes it — a case approved, a CSR's certificate issued, a renewal posted — or, once a day, for
 * the subscriptions and certificates whose end is near. The outbox's dispatcher sends them.
 */
@ApplicationScoped
public class CustomerNotices {

    private static final Logger LOG = Logger.getLogger(CustomerNotices.class.getName());

    @Inject
    NoticeOutbox outbox;

    @Inject
    SubscriberContacts contacts;

    @Inject
    SubscriberRegistry registry;

    @Inject
    RenewalCaseRepository cases;

    @Inject
    CaptureDesk capture;

    @Inject
    CaseOffices offices;

    @Inject
    Triage triage;

    @Inject
    RenewalWindows windows;

    @Inject
    CsrUploads uploads;

    @Inject
    RenewalIssuance issuance;

    /** How many days before a Personal subscription ends its Subscription Expiry Notice is sent. */
    @Inject
    @ConfigProperty(name = "counter.notice.subscription-expiry-days", defaultValue = "30")
    int expiryDays;

    /** Where and in which language a case's customer is reached: the form's e-mail for the case, else the register's. */
    Optional<SubscriberContacts.Contact> contactOf(RenewalCase k) {
        SubscriberCertificate cert = registry.bySerial(k.serialHex()).orElseThrow();
        Optional<SubscriberContacts.Contact> registered = contacts.of(cert.srn());
        ReceiptLanguage language = k.customerLanguage().or(() -> registered.map(SubscriberContacts.Contact::language)).orElse(ReceiptLanguage.EN);
        Optional<String> onForm = capture.find(k.caseRef()).map(CaptureCase::formValues).flatMap(v -> java.util.stream.Stream.of(
                "ar_email", "contact_email").map(v::get).filter(Recipients::plausible).findFirst());
        return onForm.map(e -> new SubscriberContacts.Contact(cert.srn(), e.trim(), language))
                .or(() -> registered.map(c -> new SubscriberContacts.Contact(c.srn(), c.email(), language)));
    }

    private void write(RenewalCase k, Notice n) {
        if (outbox.add(n, Instant.now())) {
            cases.event(k.caseRef(), "system", n.kind().name().toLowerCase().replace('_', ' ') + " notice written for " + n.recipient());
        }
    }

    /** A case reached a step its customer is told of, in the step's transaction. */
    void onCase(@Observes CaseNoticeEvent e) {
        RenewalCase k = cases.lock(e.caseRef()).orElseThrow();
        Optional<SubscriberContacts.Contact> to = contactOf(k);
        if (to.isEmpty()) {
            cases.event(k.caseRef(), "system", "no e-mail address on the form or the register: the customer was not e-mailed");
            return;
        }
        SubscriberContacts.Contact c = to.get();
        var type = triage.catalogue().type(k.typeCode());
        switch (e.step()) {
            case APPROVED -> {
                if (k.delivery() == RenewalCase.Delivery.CSR) {
                    CsrUploads.NewLink link = uploads.create(k.caseRef());
                    write(k, Notices.csrRequest(c.email(), c.language(), k.caseRef(), k.approvedNames(), link.url(), link.expiresOn()));
                } else if (k.delivery() == RenewalCase.Delivery.TOKEN_AT_COUNTER) {
                    Variant v = type.variant(k.variantCode());
                    String token = v.tokenBrand().map(b -> b.name() + " e-Cert Token").orElse("e-Cert storage medium");
                    write(k, Notices.collection(c.email(), c.language(), k.caseRef(), type.name(),
                            offices.officeOf(k.caseRef()).map(Offices::name).orElse(Offices.name("GPO")), token));
                }
            }
            case CSR_ISSUED -> {
                SubscriberCertificate issued = registry.bySerial(k.newSerialHex()).orElseThrow();
                write(k, Notices.certificateIssued(c.email(), c.language(), k.caseRef(), k.approvedNames(), issued.validTo(),
                        issuance.certificateChainPem(k.caseRef()).orElseThrow()));
            }
            case DISPATCHED -> write(k, Notices.dispatch(c.email(), c.language(), k.caseRef(), type.name(),
                    CounterMedia.postedName(k.mediumProfile() == null ? CounterMedia.POSTED_FILE : k.mediumProfile()), k.mediumArticleNo()));
        }
    }

    /**
     * Once a day: a Subscription Expiry Notice for each e-Cert (Personal) whose subscription ends within the set days
     * (and before the certificate itself), and a renewal reminder for each counter certificate whose renewal may now
     * begin. Each is one notice per certificate and date, however often this runs.
     *
     * @return how many notices were written
     */
    @Transactional
    public int daily(LocalDate today) {
        int n = 0;
        for (SubscriberCertificate c : registry.endingBy(today, today.plusDays(Math.max(expiryDays, 31)))) {
            Optional<SubscriberContacts.Contact> to = contacts.of(c.srn());
            if (to.isEmpty()) {
                continue;
            }
            var type = triage.catalogue().type(c.typeCode());
            Variant v = type.variant(c.variantCode());
            if (type.channel() != Channel.COUNTER) {
                continue;
            }
            if (v.extensionFeeItem().isPresent() && c.subscriptionEnd() != null && c.subscriptionEnd().isBefore(c.validTo())
                    && !c.subscriptionEnd().isBefore(today) && !c.subscriptionEnd().isAfter(today.plusDays(expiryDays))) {
                Quote q = triage.fees().quoteExtension(v, 1, today);
                String fee = q.isSet() ? q.total().toString() : "the yearly fee";
                n += outbox.add(Notices.subscriptionExpiry(to.get().email(), to.get().language(), c.srn(), c.subscriptionEnd(), fee),
                        Instant.now()) ? 1 : 0;
            }
            if ("SERVER".equals(c.typeCode()) && c.subscriptionEnd() != null && c.subscriptionEnd().isAfter(c.validTo())) {
                continue;   // within its subscription a Server certificate is re-issued, not renewed
            }
            RenewalWindow w = windows.of(c);
            LocalDate from = w.opens() != null ? w.opens() : w.adviseBy();
            if (w.position() == RenewalWindow.Position.OPEN && from != null && !today.isBefore(from)) {
                n += outbox.add(Notices.renewalReminder(to.get().email(), to.get().language(), c.srn(), type.name(), c.validTo(), from,
                        KioskAnswers.toBring(v)), Instant.now()) ? 1 : 0;
            }
        }
        int written = n;
        LOG.info(() -> "daily notices: " + written + " written");
        return n;
    }
}
