package hk.post.ecert.counter.domain.service;

/**
 * A keyed digest of a personal identifier (an HKID, an AR's document number, a date of birth), so the counter can
 * find and compare them without keeping them. The key is the operator's; the implementation is infrastructure.
 */
public interface KeyedDigest {

    /** The digest of a value already normalised by its type (e.g. {@code Hkid.full()}). */
    String of(String normalisedValue);
}
