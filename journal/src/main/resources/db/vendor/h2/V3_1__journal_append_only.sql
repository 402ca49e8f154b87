-- H2: the journal refuses UPDATE and DELETE. The triggers are Java source that H2 compiles when they are created.
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE, DELETE ON journal_entry FOR EACH ROW AS $$
org.h2.api.Trigger create() {
    return new org.h2.api.Trigger() {
        public void fire(java.sql.Connection c, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            throw new java.sql.SQLException("journal_entry is append-only: UPDATE and DELETE are refused", "45000");
        }
    };
}
$$;

CREATE TRIGGER journal_checkpoint_append_only BEFORE UPDATE, DELETE ON journal_checkpoint FOR EACH ROW AS $$
org.h2.api.Trigger create() {
    return new org.h2.api.Trigger() {
        public void fire(java.sql.Connection c, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            throw new java.sql.SQLException("journal_checkpoint is append-only: UPDATE and DELETE are refused", "45000");
        }
    };
}
$$;
