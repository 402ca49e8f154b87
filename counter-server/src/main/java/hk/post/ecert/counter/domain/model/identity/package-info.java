/** Identity documents seen at the counter, and how their numbers are validated and masked. */
package hk.post.ecert.counter.domain.model.identity;
