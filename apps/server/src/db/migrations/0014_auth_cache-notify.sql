-- Every instance keeps a few seconds' cache of sessions and API tokens (decision 0019). Any
-- change that could end or alter what a cached entry says notifies channel auth_cache inside
-- the changing transaction, so every instance drops the entry as soon as the change commits,
-- whichever code path (or hand-written SQL) made it.
CREATE FUNCTION auth_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('auth_cache', 's:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('auth_cache', 'u:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'two_step_secrets' THEN
    PERFORM pg_notify('auth_cache', 'u:' || r.user_id);
  ELSIF TG_TABLE_NAME = 'organizations' THEN
    PERFORM pg_notify('auth_cache', 'o:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'api_tokens' THEN
    -- Using a token stamps last_used_at once a minute: only a revocation concerns the cache.
    IF TG_OP = 'DELETE' OR OLD.revoked_at IS DISTINCT FROM NEW.revoked_at THEN
      PERFORM pg_notify('auth_cache', 't:' || OLD.id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_cache AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION auth_cache_notify();
--> statement-breakpoint
CREATE TRIGGER users_auth_cache AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION auth_cache_notify();
--> statement-breakpoint
CREATE TRIGGER two_step_secrets_auth_cache AFTER INSERT OR UPDATE OR DELETE ON two_step_secrets
  FOR EACH ROW EXECUTE FUNCTION auth_cache_notify();
--> statement-breakpoint
CREATE TRIGGER organizations_auth_cache AFTER UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION auth_cache_notify();
--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_cache AFTER UPDATE OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION auth_cache_notify();
