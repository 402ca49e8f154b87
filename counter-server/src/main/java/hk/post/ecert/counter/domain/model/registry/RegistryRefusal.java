package hk.post.ecert.counter.domain.model.registry;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Why the registry will not do what was asked, in both languages; nothing was changed. */
public class RegistryRefusal extends RuntimeException {

    private final Bilingual message;

    public RegistryRefusal(Bilingual message) {
        super(message.en());
        this.message = message;
    }

    public Bilingual bilingual() {
        return message;
    }
}
