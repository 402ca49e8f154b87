-- H2: the staff audit and the dispatch-medium download trail refuse UPDATE and DELETE, like the journal.
CREATE TRIGGER staff_audit_append_only BEFORE UPDATE, DELETE ON staff_audit FOR EACH ROW
    CALL 'hk.post.ecert.journal.h2.AppendOnlyTrigger';
CREATE TRIGGER dispatch_medium_download_append_only BEFORE UPDATE, DELETE ON dispatch_medium_download FOR EACH ROW
    CALL 'hk.post.ecert.journal.h2.AppendOnlyTrigger';
