package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.Triage;
import hk.post.ecert.counter.domain.model.catalogue.CounterMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** The media a renewal case may name: written at the counter, or posted as the subscriber chose (issue 29). */
@ApplicationScoped
public class CaseMedia {

    @Inject
    Triage triage;

    /** The DEMO software token (SoftHSM2) is offered as a medium only in demo mode. */
    @Inject
    @ConfigProperty(name = "counter.demo", defaultValue = "false")
    boolean demo;

    /** The media a token case of this variant may be written onto (the variant's own first; the DEMO token in demo mode). */
    public List<String> mediumChoices(String typeCode, String variantCode) {
        return CounterMedia.profilesFor(
                triage.catalogue().type(typeCode).variant(variantCode), demo);
    }

    /** The media the subscriber may choose for a posted renewal of this variant (issue 29). */
    public List<String> postedMediumChoices(String typeCode, String variantCode) {
        return CounterMedia.postedProfilesFor(triage.catalogue().type(typeCode).variant(variantCode));
    }
}
