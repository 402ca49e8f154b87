/**
 * The checkout's words: what money buys ({@link hk.post.ecert.counter.domain.model.checkout.Payable}) and where a
 * payment stands against what it bought.
 */
package hk.post.ecert.counter.domain.model.checkout;
