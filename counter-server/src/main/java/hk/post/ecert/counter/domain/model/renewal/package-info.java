/** Renewal cases: the counter's main job, a state machine with the catalogue's rules enforced. */
package hk.post.ecert.counter.domain.model.renewal;
