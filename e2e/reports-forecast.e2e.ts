import { afterAll, beforeAll, describe, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './support/browser.ts';
import { hasChromium } from './support/chromium.ts';
import {
  forecastStep,
  retentionStep,
  seedForecast,
  seedRetention,
  type ForecastData,
  type RetentionData,
} from './support/reports-forecast-steps.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logIn, setUp, type Api } from './support/session.ts';

/**
 * The forecast and the retention list (issue 15, acceptance 2), in English and Russian, each
 * at 1280 and 768 px: chart, table view, export, a drill-down and a call round.
 */
const RUNS = [
  { lng: 'en', width: 1280, height: 900 },
  { lng: 'ru', width: 768, height: 1024 },
  { lng: 'ru', width: 1280, height: 900 },
  { lng: 'en', width: 768, height: 1024 },
] as const;

describe.skipIf(!hasChromium())('forecast and retention reports', () => {
  let server: RunningServer;
  let api: Api;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const [i, run] of RUNS.entries()) {
    describe(`${run.lng} at ${run.width}`, () => {
      let browser: Browser;
      let forecast: ForecastData;
      let retention: RetentionData;
      const shot = (name: string) =>
        screenshot(browser.page, `reports-${run.lng}-${run.width}-${name}`);
      beforeAll(async () => {
        if (i === 0) api = await setUp(server, { name: 'Harbour Fitness', locale: 'en' });
        await api('PATCH', '/api/me', { locale: run.lng });
        forecast = await seedForecast(api, `${run.lng}${run.width}`, i + 1);
        retention = await seedRetention(api, `${run.lng}${run.width}`);
        browser = await openBrowser({ width: run.width, height: run.height });
        await logIn(browser.page, server.url);
      });
      afterAll(async () => {
        await browser?.close();
      });

      it('shows the forecast: chart, table, export and a drill-down to the deals', async () => {
        await forecastStep(browser.page, { url: server.url, lng: run.lng, data: forecast, shot });
      });
      it('lists members to keep and starts a call round', async () => {
        await retentionStep(browser.page, { url: server.url, lng: run.lng, data: retention, shot });
      });
    });
  }
});
