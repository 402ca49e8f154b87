package hk.post.ecert.counter.domain.model.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * One variant of a certificate type (e.g. Organisational with AEOI functions, Server "Wildcard", a Bank-Cert (Bank)
 * application type): what the counter needs to serve it.
 *
 * @param sections           the CPos 798FB sections to fill (Bank-Cert (Bank) only)
 * @param validityYears      the terms a subscriber may choose (years)
 * @param feeItems           fee schedule items charged for a renewal
 * @param extensionFeeItem   fee item for a subscription extension (e-Cert (Personal) only)
 * @param documents          the document checklist, as codes the screens translate
 * @param tokenBrand         the token brand this Mutual Recognition variant requires
 * @param requiresExistingAeoi renewal with AEOI is only for a certificate that already has AEOI (rule 5)
 * @param maxNames           server names allowed in one certificate (Server variants)
 * @param maxCertificateDays longest life of one issued certificate (Server: 199 days)
 */
public record Variant(String code, Bilingual name, List<String> forms, List<String> sections, List<Integer> validityYears,
                      int subscriptionYears, List<String> feeItems, Optional<String> extensionFeeItem, List<String> media,
                      String issuingCa, List<String> documents, Optional<TokenBrand> tokenBrand, boolean requiresExistingAeoi,
                      int maxNames, boolean wildcard, int maxCertificateDays, Optional<Referral> referral) {

    public Variant {
        forms = List.copyOf(forms);
        sections = List.copyOf(sections);
        validityYears = List.copyOf(validityYears);
        feeItems = List.copyOf(feeItems);
        media = List.copyOf(media);
        documents = List.copyOf(documents);
    }
}
