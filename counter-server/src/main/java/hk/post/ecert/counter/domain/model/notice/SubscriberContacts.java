package hk.post.ecert.counter.domain.model.notice;

import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;

import java.util.Optional;

/** Where each subscriber is reached, by Subscriber Reference Number (the port; JDBC implements it). */
public interface SubscriberContacts {

    record Contact(String srn, String email, ReceiptLanguage language) {
    }

    Optional<Contact> of(String srn);

    /** Records or replaces the subscriber's contact. */
    void put(Contact c);
}
