import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from './chromium.ts';

export const SCREENSHOTS = path.resolve('e2e/screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** What Chromium refused under the server's Content-Security-Policy, as it logged it. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile each time, so no cookie or storage leaks between journeys. */
export async function openBrowser(
  opts: { width?: number; height?: number; locale?: string; timezoneId?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'spotter-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
    locale: opts.locale ?? 'en-GB',
    timezoneId: opts.timezoneId ?? 'Europe/Stockholm',
    // Mantine honours it, so screenshots never catch a dialog half-way through fading.
    reducedMotion: 'reduce',
  });
  const cspViolations: string[] = [];
  const watch = (p: Page) =>
    p.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    cspViolations,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
