/**
 * Repositories over plain JDBC, for aggregates whose rows must commit in one transaction with something JPA does not
 * manage, or that are locked row by row:
 * <ul>
 * <li>the till ({@code JdbcTillRecords}, on the caller's connection): each sale, reversal and cash movement is guarded
 * by a row written on the same connection as its journal entry (the journal module is JDBC), so both commit or
 * neither does;</li>
 * <li>renewal cases and Bank-Cert applications: loaded {@code FOR UPDATE} at the start of each step, so two screens
 * never move one case at once — clearer in SQL than through JPA's lock modes;</li>
 * <li>the subscriber registry, capture, fee settings, terminal connections and scheduled-run claims: conditional updates
 * ({@code WHERE status = 'ACTIVE'}, {@code WHERE submitted_at IS NULL}, a claim's primary key) that say the rule in
 * the statement itself.</li>
 * </ul>
 * The connection is the container's, inside the caller's JTA transaction. {@code Rows} binds parameters by type.
 */
package hk.post.ecert.counter.infrastructure.persistence.jdbc;
