package hk.post.ecert.counter.domain.model.bankcert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where Bank-Cert (Bank) applications are kept, with what belongs to a Licensed Bank across its applications: its AR
 * authentications and its revocation requests; and each application's history.
 */
public interface BankApplications {

    void add(BankApplication a, String receivedBy, Instant at);

    /** The application, locked for the rest of the transaction. */
    Optional<BankApplication> lock(String ref);

    void save(BankApplication a);

    /** A bank's applications, newest first. */
    List<String> refsOfBank(String bankCode);

    /** Applications in a state, oldest first. */
    List<String> refsIn(BankApplication.State state);

    /** The PEM of the certificates an application issued: [new, renewed] (either may be null). */
    String[] certificatePems(String ref);

    void setCertificatePems(String ref, String newPem, String renewedPem);

    /** A bank's AR authentications, oldest first. */
    List<ArAuthentication> arHistory(String bankCode);

    void addArAuthentication(ArAuthentication a);

    void addRevocation(RevocationRequest r, Instant at);

    /** Records a confirmation or withdrawal; false when the request was no longer waiting. */
    boolean decideRevocation(RevocationRequest r);

    Optional<RevocationRequest> revocation(String requestRef);

    /** A bank's revocation requests, oldest first. */
    List<RevocationRequest> revocations(String bankCode);

    /** Something that happened to an application: who and what. */
    void event(String ref, String actor, String what);

    /** The application's events, oldest first. */
    List<String> history(String ref);
}
