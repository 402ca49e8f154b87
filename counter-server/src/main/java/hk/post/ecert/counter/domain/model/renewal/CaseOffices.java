package hk.post.ecert.counter.domain.model.renewal;

import java.util.Optional;

/**
 * The office a case belongs to — a renewal case, a document capture or a Bank-Cert (Bank) application: the office of
 * the member of staff who opened or received it. Its documents and its dispatch medium are for that office's staff
 * and for HKPCA officers only.
 */
public interface CaseOffices {

    Optional<String> officeOf(String ref);
}
