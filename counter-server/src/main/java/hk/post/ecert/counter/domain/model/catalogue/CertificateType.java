package hk.post.ecert.counter.domain.model.catalogue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One of the eleven certificate types on Hongkong Post's "Renewal of e-Cert" page, with what a counter may do
 * with it.
 *
 * @param row               its row in {@code catalogue.md} (1 … 11)
 * @param renewalWindowDays how many days before expiry a renewal is accepted (rule 3; a setting)
 * @param csrAfterApproval  the AR supplies a PKCS#10 CSR after approval (Server)
 */
public record CertificateType(String row, String code, Bilingual name, Channel channel, Bilingual attendee,
                              Optional<Integer> renewalWindowDays, String issuingCa, boolean csrAfterApproval,
                              List<Variant> variants) {

    public CertificateType {
        variants = List.copyOf(variants);
    }

    public Variant variant(String variantCode) {
        return variants.stream().filter(v -> v.code().equals(variantCode)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no variant " + variantCode + " of " + code));
    }
}
