/**
 * The counter journal: an append-only, per-counter, sequence-numbered, SHA-256 hash-chained record of every money
 * and certificate event, with signed checkpoints and a verifier that names any gap, break or altered entry. Plain
 * JDBC, so the server, the verifier command and the benchmark share exactly this code.
 */
package hk.post.ecert.journal;
