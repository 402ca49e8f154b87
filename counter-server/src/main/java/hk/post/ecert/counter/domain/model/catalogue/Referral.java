package hk.post.ecert.counter.domain.model.catalogue;

/** The body a REFERRAL certificate's subscriber must go to, and where to find it. */
public record Referral(Bilingual body, String url) {
}
