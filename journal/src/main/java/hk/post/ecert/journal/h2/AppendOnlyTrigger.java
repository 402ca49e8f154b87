package hk.post.ecert.journal.h2;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2 trigger behind the journal's append-only rule: any UPDATE or DELETE of a journal row is refused by the
 * database itself (PostgreSQL has its own trigger function). H2 loads this class by name when it opens the table.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table = "journal";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName.toLowerCase();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: UPDATE and DELETE are refused", "45000");
    }
}
