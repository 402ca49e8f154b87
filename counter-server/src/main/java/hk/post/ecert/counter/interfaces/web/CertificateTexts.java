package hk.post.ecert.counter.interfaces.web;

import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.application.renewal.RenewalWindows;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the screens say about a certificate: its status, its renewal window and advice, and whether it needs a new application. */
@ApplicationScoped
public class CertificateTexts {

    @Inject
    SubscriberRegistry registry;

    @Inject
    RenewalWindows windows;

    public String status(SubscriberCertificate c, Language language) {
        return c.status(registry.today()).label().in(language.getLocale());
    }

    public String newApplication(SubscriberCertificate c, Language language) {
        return c.newApplicationNeeded(registry.today()).map(b -> b.in(language.getLocale())).orElse("");
    }

    /** The window's position and dates only, for a customer (no advice worded for staff). */
    public String windowOnly(SubscriberCertificate c, Language language) {
        RenewalWindow w = windows.of(c);
        String position = w.position() == RenewalWindow.Position.OPEN && w.opens() == null ? "OPEN_ANY_DAY" : w.position().name();
        return Screens.text(language.getLocale(), "subscriber.window." + position, w.opens() == null ? "" : w.opens().toString(),
                c.validTo().toString());
    }

    public String window(SubscriberCertificate c, Language language) {
        RenewalWindow w = windows.of(c);
        String position = w.position() == RenewalWindow.Position.OPEN && w.opens() == null ? "OPEN_ANY_DAY" : w.position().name();
        String text = Screens.text(language.getLocale(), "subscriber.window." + position,
                w.opens() == null ? "" : w.opens().toString(), c.validTo().toString());
        if (w.adviseBy() != null && w.position() != RenewalWindow.Position.EXPIRED && w.position() != RenewalWindow.Position.NO_WINDOW) {
            text += " " + Screens.text(language.getLocale(), "subscriber.window.advice", w.adviseBy().toString());
        }
        String early = earlyRenewal(c, language);
        if (!early.isEmpty()) {
            text += " " + early;
        }
        if (c.reissueDue(registry.variantOf(c), registry.today(), RenewalCase.REISSUE_LEAD_DAYS)) {
            text += " " + Screens.text(language.getLocale(), "subscriber.reissueDue", c.subscriptionEnd().toString());
        }
        return text;
    }

    /** What renewing this certificate today gives up (issue 29), or nothing when less than two months would be lost. */
    public String earlyRenewal(SubscriberCertificate c, Language language) {
        if (c.newApplicationNeeded(registry.today()).isPresent()) {
            return "";
        }
        return windows.of(c).earlyRenewal(registry.today()).map(b -> b.in(language.getLocale())).orElse("");
    }
}
