-- PostgreSQL: the staff audit and the dispatch-medium download trail refuse UPDATE, DELETE and TRUNCATE.
CREATE TRIGGER staff_audit_append_only BEFORE UPDATE OR DELETE ON staff_audit
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER staff_audit_no_truncate BEFORE TRUNCATE ON staff_audit
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER dispatch_medium_download_append_only BEFORE UPDATE OR DELETE ON dispatch_medium_download
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER dispatch_medium_download_no_truncate BEFORE TRUNCATE ON dispatch_medium_download
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
