-- Every instance keeps a few seconds' memory of the sources deliveries name, secrets opened
-- (club-events/source-cache.ts); a change that concerns a delivery tells them all, from the
-- changing transaction, whatever code made it. "Last event" alone is no such change.
CREATE FUNCTION event_sources_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.org_id, OLD.enabled, OLD.secret_sealed, OLD.previous_secret_sealed,
      OLD.previous_valid_until) IS NOT DISTINCT FROM (NEW.org_id, NEW.enabled, NEW.secret_sealed,
      NEW.previous_secret_sealed, NEW.previous_valid_until) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('event_sources', OLD.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_sources_cache AFTER UPDATE OR DELETE ON event_sources
  FOR EACH ROW EXECUTE FUNCTION event_sources_notify();
