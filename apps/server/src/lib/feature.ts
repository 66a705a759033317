import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * What a feature brings to the app. Each feature declares one in `<name>.feature.ts`;
 * `features.ts` lists them in dependency order and `app.ts` registers them — the one place that
 * knows every feature (docs/adding-a-feature.md).
 */
export interface Feature<Job = never> {
  name: string;
  /** Route plugins, registered in order. */
  routes?: FastifyPluginAsyncZod[];
  /**
   * Subscribe to other features' hooks and provide their ports. Runs for every app built (tests
   * build many); handlers are module-level functions, so repeating it changes nothing.
   */
  wire?: () => void;
  /** Start-up work once the database is migrated, before the server listens (backfills). */
  onReady?: (app: FastifyInstance) => Promise<void>;
  /**
   * Background jobs by kind ('imports.run' …), run by the one job runner that app.ts starts
   * (the jobs feature's `JobDefinition`; lib knows no feature, hence the parameter). A function
   * builds them for one app, when they need its configuration (a server secret).
   */
  jobs?: Record<string, Job> | ((app: FastifyInstance) => Record<string, Job>);
}
