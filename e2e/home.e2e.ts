import { afterAll, beforeAll, describe, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import {
  managerHome,
  receptionHome,
  seedHomeClub,
  type HomeClub,
  type HomeRun,
} from './support/home-steps.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { setUp, type Api } from './support/session.ts';

/**
 * The home page per role (S-6, issue 15 acceptance 2): reception and a manager, in English
 * and Russian, on a desktop and on a 768 px tablet. The steps live in support/home-steps.ts
 * so the reports journey can run them too.
 */
const RUNS: HomeRun[] = [
  { lng: 'en', width: 1280 },
  { lng: 'ru', width: 768 },
  { lng: 'en', width: 768 },
  { lng: 'ru', width: 1280 },
];

describe.skipIf(!hasChromium())('home per role', () => {
  let server: RunningServer;
  let api: Api;
  const clubs = new Map<string, HomeClub>();

  beforeAll(async () => {
    server = await startServer();
    api = await setUp(server, { name: 'Harbour Fitness', locale: 'en' });
    for (const lng of ['en', 'ru'] as const) clubs.set(lng, await seedHomeClub(server, api, lng));
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const run of RUNS) {
    it(`${run.lng} at ${run.width} px: reception's day and the manager's numbers`, async () => {
      let browser: Browser | undefined;
      try {
        browser = await openBrowser({
          width: run.width,
          height: run.width === 768 ? 1024 : 900,
          locale: run.lng === 'ru' ? 'ru-RU' : 'en-GB',
        });
        const club = clubs.get(run.lng)!;
        await receptionHome(browser.page, server.url, club, run);
        await managerHome(browser.page, server.url, club, run);
      } finally {
        await browser?.close();
      }
    });
  }
});
