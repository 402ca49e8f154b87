package hk.post.ecert.counter.domain.service;

import java.security.KeyPair;

/** The key that signs the journal's checkpoints, shared by every instance; where it is kept is infrastructure's. */
public interface JournalSigningKey {

    KeyPair pair();

    String keyId();
}
