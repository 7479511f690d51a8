-- The audit log is append-only: no code path may rewrite or remove what an admin did. UPDATE is always refused;
-- DELETE only when the row's organization no longer exists, i.e. when an organization is deleted and its rows go
-- with it (ON DELETE CASCADE). TRUNCATE (table owner only) stays possible for the test harness's reset.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations WHERE id = OLD.org_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
