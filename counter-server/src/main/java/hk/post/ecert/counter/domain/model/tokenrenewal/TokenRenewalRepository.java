package hk.post.ecert.counter.domain.model.tokenrenewal;

import java.util.Optional;

/** Token renewals by id and by the device job now running for them. */
public interface TokenRenewalRepository {

    void add(TokenRenewal renewal);

    Optional<TokenRenewal> find(String renewalId);

    Optional<TokenRenewal> byCurrentJob(String jobId);

    /** Every attempt to write a case's certificate onto a medium, oldest first. */
    java.util.List<TokenRenewal> ofCase(String caseRef);
}
