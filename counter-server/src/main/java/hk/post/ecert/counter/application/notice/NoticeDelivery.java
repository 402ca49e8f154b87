package hk.post.ecert.counter.application.notice;

import hk.post.ecert.counter.application.ServiceInstance;
import hk.post.ecert.counter.domain.model.notice.Delivery;
import hk.post.ecert.counter.domain.model.notice.NoticeOutbox;
import hk.post.ecert.counter.domain.service.MailServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds (issue 30). Each notice is claimed by a conditional update before it is sent, so two
 * instances never send it at once; a notice claimed by an instance that stopped is taken up again once the claim runs
 * out. A refusal is tried again after a growing wait ({@link Delivery}); one given up is shown to the supervisor with
 * the mail server's answer. Each message's Message-ID is the notice's id, so the rare resend after a crash between the
 * server's acceptance and its record is recognisable as the same message.
 */
@ApplicationScoped
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class.getName());

    @Inject
    NoticeOutbox outbox;

    @Inject
    MailServer mail;

    @Inject
    ServiceInstance instance;

    /** How long a claim holds: longer than one SMTP exchange may take. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    /** Every wait between attempts is scaled by this (a minute: as published; the tests shrink it). */
    @Inject
    @ConfigProperty(name = "counter.notice.retry-unit-ms", defaultValue = "60000")
    long retryUnitMs;

    /** A dispatcher over this outbox and mail server (outside a container: the tools and the tests). */
    public static NoticeDelivery of(NoticeOutbox outbox, MailServer mail, long retryUnitMs) {
        NoticeDelivery d = new NoticeDelivery();
        d.outbox = outbox;
        d.mail = mail;
        d.retryUnitMs = retryUnitMs;
        return d;
    }

    /** Sends up to {@code max} due notices as {@code instanceName}; returns how many the mail server accepted. */
    public int sendDue(int max) {
        return sendDue(instance.name(), max);
    }

    public int sendDue(String instanceName, int max) {
        int sent = 0;
        List<String> due = outbox.due(Instant.now(), max);
        for (String id : due) {
            Instant now = Instant.now();
            if (!outbox.claim(id, instanceName, now, now.plus(CLAIM))) {
                continue;   // another instance has it
            }
            NoticeOutbox.Entry e = outbox.find(id).orElseThrow();
            try {
                mail.send(id, e.notice());
                outbox.sent(id, instanceName, Instant.now());
                sent++;
            } catch (MailServer.Refused r) {
                int attempts = e.attempts() + 1;
                Optional<Duration> wait = Delivery.retryAfter(attempts, r.permanent(), Duration.ofMillis(retryUnitMs));
                outbox.failed(id, instanceName, r.getMessage(), wait.map(w -> Instant.now().plus(w)));
                LOG.warning(() -> "notice " + e.notice().kind() + " " + id.substring(0, 12) + " to " + masked(e.notice().recipient())
                        + " not delivered (attempt " + attempts + (wait.isPresent() ? ", again in " + wait.get().toSeconds() + " s" : ", given up")
                        + "): " + r.getMessage());
            }
        }
        return sent;
    }

    /** An address as the log shows it: the first letter and the domain. */
    static String masked(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    /** Notices given up, newest first, with the mail server's answer (for the supervisor). */
    public List<NoticeOutbox.Entry> undelivered(int max) {
        return outbox.undelivered(max);
    }
}
