package hk.post.ecert.counter.domain.model.capture;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Why document capture will not do what was asked, in both languages; nothing was changed. */
public class CaptureRefusal extends RuntimeException {

    private final Bilingual message;

    public CaptureRefusal(String en, String zh) {
        super(en);
        this.message = new Bilingual(en, zh);
    }

    public Bilingual bilingual() {
        return message;
    }
}
