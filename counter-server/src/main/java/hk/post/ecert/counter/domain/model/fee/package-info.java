/** Fees: exact money, the effective-dated fee schedule, and quotes that refuse when a fee is not set. */
package hk.post.ecert.counter.domain.model.fee;
