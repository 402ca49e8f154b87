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

    /** The text in the leading language (for paragraphs printed once in each language, leading one first). */
    public String first(Bilingual text) {
        return this == EN ? text.en() : text.zh();
    }

    /** The text in the other language. */
    public String second(Bilingual text) {
        return this == EN ? text.zh() : text.en();
    }
}
