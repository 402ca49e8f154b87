package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.catalogue.RenewalWindow;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * Rule 3's window for each certificate type, as an operator may set it: {@code counter.renewal.window-days.<TYPE>}
 * (e.g. {@code counter.renewal.window-days.ORGANISATIONAL=90}) replaces the catalogue's window of that type only.
 * The rule itself is the catalogue's ({@code Catalogue.renewalWindowFor}).
 */
@ApplicationScoped
public class RenewalWindows {

    static final String SETTING = "counter.renewal.window-days.";

    @Inject
    Config config;

    @Inject
    Triage triage;

    @Inject
    SubscriberRegistry registry;

    /** The operator's window for this type, in days before expiry, when one is set. */
    public Optional<Integer> setting(String typeCode) {
        return config.getOptionalValue(SETTING + typeCode, Integer.class);
    }

    /** Where today falls against this certificate's window. */
    public RenewalWindow of(SubscriberCertificate cert) {
        return triage.catalogue().renewalWindowFor(cert.typeCode(), cert.validTo(), registry.today(), setting(cert.typeCode()));
    }
}
