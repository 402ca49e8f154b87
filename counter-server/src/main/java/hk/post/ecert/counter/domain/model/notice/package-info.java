/**
 * What Hongkong Post tells its customers by e-mail (issue 30): the Subscription Expiry Notice, the renewal reminder,
 * the AR's CSR request, the dispatch and collection notices and the "certificate issued" notice — each bilingual, in
 * plain text and HTML, carrying nothing a finder could misuse — and the outbox each is written to in the transaction of
 * the event that causes it.
 */
package hk.post.ecert.counter.domain.model.notice;
