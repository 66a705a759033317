import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, hasChromium, installHint } from './chromium.ts';

/** Browser tests fail loudly in CI without Chromium; elsewhere they say how to get it. */
export default function setup() {
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
}
