package hk.post.ecert.counter.domain.model.fee;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Something the counter charges for, e.g. "e-Cert (Personal) renewal, first subscription year". */
public record FeeItem(String code, Bilingual name, FeeUnit unit) {
}
