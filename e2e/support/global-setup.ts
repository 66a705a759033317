import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, hasChromium, installHint } from './chromium.ts';
import { launchServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A DATA_DIR whose embedded database is created and migrated: each server starts on a copy. */
    e2eTemplateDir: string;
  }
}

/** Browser tests fail loudly in CI without Chromium; elsewhere they say how to get it. */
export default async function setup(project: TestProject) {
  if (!hasChromium()) {
    if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}. ${installHint}`);
    console.warn(
      `\n⚠ Skipping browser tests: Chromium not found at ${CHROMIUM}.\n  ${installHint}\n`,
    );
  }
  const index = path.resolve('apps/web/dist/index.html');
  if (!existsSync(index)) {
    throw new Error(
      'The web app is not built: run `npm run build:web` (npm test does it for you).',
    );
  }
  // Creating and migrating an embedded database is most of a first start (seconds, and far
  // more on a busy machine): done once here, every file's server starts on a copy of it.
  const template = mkdtempSync(path.join(os.tmpdir(), 'spotter-e2e-template-'));
  const server = await launchServer(template);
  await server.stop({ keepData: true });
  rmSync(path.join(template, 'session-secret'), { force: true });
  project.provide('e2eTemplateDir', template);
  return () => rmSync(template, { recursive: true, force: true });
}
