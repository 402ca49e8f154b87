/**
 * Repositories over plain JDBC, for aggregates that are read and written whole as rows with a row lock: the renewal
 * case is loaded {@code FOR UPDATE} at the start of each step, so two screens never move one case at once, which is
 * clearer in SQL than through JPA's lock modes. The connection is the container's, inside the caller's JTA
 * transaction.
 */
package hk.post.ecert.counter.infrastructure.persistence.jdbc;
