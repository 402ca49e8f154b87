/**
 * The till: cash in HKD denominations, tenders and their rules, the refusals a clerk sees, and the ledger — every
 * figure a screen or report shows about money, derived from the counter journal.
 */
package hk.post.ecert.counter.domain.model.till;
