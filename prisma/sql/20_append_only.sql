-- The access log is append-only for everyone who talks to the database through the application.
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AccessLog rows are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AccessLog_append_only" BEFORE UPDATE OR DELETE ON "AccessLog"
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER "AccessLog_no_truncate" BEFORE TRUNCATE ON "AccessLog"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
