package hk.post.ecert.counter.domain.model.renewal;

import hk.post.ecert.counter.domain.model.vetting.WaitingCase;

import java.util.List;
import java.util.Optional;

/** Renewal cases, by reference. */
public interface RenewalCaseRepository {

    void add(RenewalCase k);

    void save(RenewalCase k);

    /** A case, its row locked for the rest of the transaction (two screens cannot move it at once). */
    Optional<RenewalCase> lock(String caseRef);

    /** The server names approved on the case that issued this certificate, when a case did. */
    Optional<List<String>> approvedNamesOfIssued(String serialHex);

    /** Whether a case renewed this certificate: a new certificate was issued from it. */
    boolean renewedFrom(String serialHex);

    /** The references of rejected cases still holding their payment (a refund owed), oldest first. */
    List<String> rejectedButPaid();

    /** The references of approved cases whose certificate is written onto a medium at the counter, oldest first. */
    List<String> approvedForToken();

    /** The references of the cases waiting for HKPCA vetting, oldest first. */
    List<String> waitingForVetting();

    /** The cases waiting for HKPCA vetting, each with its office and the time it was last sent for vetting (issue 33). */
    List<WaitingCase> vettingQueue();

    /** A case of an office waiting for its customer: a CSR, a collection at the counter, or a dispatch (issue 33). */
    record Awaited(String caseRef, RenewalCase.State state, RenewalCase.Delivery delivery) {
    }

    /** The office's cases approved or issued and waiting for their customer or a dispatch, oldest first. */
    List<Awaited> awaitingCustomer(String office);

    /** Something that happened to a case: who and what. */
    void event(String caseRef, String actor, String what);

    /** The case's events, oldest first. */
    List<String> history(String caseRef);
}
