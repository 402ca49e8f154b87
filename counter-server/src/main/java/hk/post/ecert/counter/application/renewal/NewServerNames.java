package hk.post.ecert.counter.application.renewal;

import hk.post.ecert.counter.application.registry.SubscriberRegistry;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.renewal.RenewalCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Issue 29: the names a Server renewal adds to the renewed certificate's, which an HKPCA officer approves on the case. */
@ApplicationScoped
public class NewServerNames {

    @Inject
    RenewalCaseRepository repository;

    @Inject
    SubscriberRegistry registry;

    /**
     * The server names a Server renewal certifies beyond the renewed certificate's (those of the case that issued it,
     * or its own name): an HKPCA officer approves them (issue 29). None for a re-issue or any other type.
     */
    public List<String> of(RenewalCase k) {
        if (!"SERVER".equals(k.typeCode()) || k.reissue()) {
            return List.of();
        }
        List<String> previous = repository.approvedNamesOfIssued(k.serialHex())
                .orElseGet(() -> registry.bySerial(k.serialHex()).map(c -> List.of(c.subjectName())).orElse(List.of()));
        return k.namesBeyond(previous);
    }
}
