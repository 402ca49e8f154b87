package hk.post.ecert.counter.domain.model.fee;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Why a fee entry was not made, in both languages; nothing was changed. */
public final class FeeRefusal extends RuntimeException {

    private final Bilingual message;

    public FeeRefusal(String en, String zh) {
        super(en);
        this.message = new Bilingual(en, zh);
    }

    public Bilingual bilingual() {
        return message;
    }
}
