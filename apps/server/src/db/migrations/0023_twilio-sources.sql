ALTER TABLE "event_sources" ADD COLUMN "auth_token_sealed" text;--> statement-breakpoint
ALTER TABLE "event_sources" ADD COLUMN "forward_to" text;