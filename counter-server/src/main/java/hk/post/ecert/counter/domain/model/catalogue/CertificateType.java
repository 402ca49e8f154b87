package hk.post.ecert.counter.domain.model.catalogue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One of the eleven certificate types on Hongkong Post's "Renewal of e-Cert" page, with what a counter may do
 * with it.
 *
 * @param row               its row in {@code catalogue.md} (1 … 11)
 * @param renewalWindowDays how many days before expiry a renewal is accepted (rule 3): Personal's "usually within 3
 *                          weeks"; none means any day before expiry. Each type's own setting may replace it.
 * @param renewalAdviceDays how many days before expiry the customer is advised to come (rule 3: organisational
 *                          types "at least 1 month"): advice shown to the clerk, never a refusal
 * @param csrAfterApproval  the AR supplies a PKCS#10 CSR after approval (Server)
 */
public record CertificateType(String row, String code, Bilingual name, Channel channel, Bilingual attendee,
                              Optional<Integer> renewalWindowDays, Optional<Integer> renewalAdviceDays, String issuingCa, boolean csrAfterApproval,
                              List<Variant> variants) {

    public CertificateType {
        variants = List.copyOf(variants);
    }

    public Variant variant(String variantCode) {
        return variants.stream().filter(v -> v.code().equals(variantCode)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no variant " + variantCode + " of " + code));
    }
}
