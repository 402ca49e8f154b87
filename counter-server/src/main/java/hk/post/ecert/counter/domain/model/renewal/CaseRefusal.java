package hk.post.ecert.counter.domain.model.renewal;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Why a renewal case will not move, in both languages; nothing was changed. */
public class CaseRefusal extends RuntimeException {

    private final Bilingual message;

    public CaseRefusal(String en, String zh) {
        super(en);
        this.message = new Bilingual(en, zh);
    }

    public CaseRefusal(Bilingual message) {
        super(message.en());
        this.message = message;
    }

    public Bilingual bilingual() {
        return message;
    }
}
