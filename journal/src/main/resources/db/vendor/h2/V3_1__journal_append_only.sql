-- H2: the journal refuses UPDATE and DELETE (hk.post.ecert.journal.h2.AppendOnlyTrigger).
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE, DELETE ON journal_entry FOR EACH ROW
    CALL 'hk.post.ecert.journal.h2.AppendOnlyTrigger';
CREATE TRIGGER journal_checkpoint_append_only BEFORE UPDATE, DELETE ON journal_checkpoint FOR EACH ROW
    CALL 'hk.post.ecert.journal.h2.AppendOnlyTrigger';
