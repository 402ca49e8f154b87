/** The subscriber registry: the certificates subscribers hold, and what the counter may do with each. */
package hk.post.ecert.counter.domain.model.registry;
