package hk.post.ecert.counter.domain.model.receipt;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/**
 * Which language leads on a receipt. Every receipt carries both English and Traditional Chinese; the customer's
 * language comes first.
 */
public enum ReceiptLanguage {
    EN,
    ZH;

    public String label(Bilingual text) {
        return this == EN ? text.en() + " " + text.zh() : text.zh() + " " + text.en();
    }
}
