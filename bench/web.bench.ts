/**
 * What the browser downloads: JavaScript for the login page and for the board, as sent (the
 * server's precompressed brotli) and as gzip would send it (the targets are gzip figures), for
 * a signed-in owner on a fresh club whose board shows one card with a phone. `npm run bench:web` builds nothing: run `npm run build:web`
 * first. Prints a Markdown table.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../e2e/support/chromium.ts';
import { startServer } from '../e2e/support/server.ts';

const DIST = path.resolve('apps/web/dist');

interface Download {
  files: number;
  sent: number;
  /** What Chromium reports it received for those scripts (0 for any it had cached). */
  transferred: number;
  gzip: number;
  plain: number;
}

/** Loads `url` in a page with an empty cache and adds up the JavaScript it fetched. */
async function measure(page: Page, url: string, ready: string): Promise<Download> {
  const scripts: string[] = [];
  const sizes: Promise<number>[] = [];
  const onResponse = (res: Response) => {
    if (!res.url().endsWith('.js')) return;
    scripts.push(new URL(res.url()).pathname);
    sizes.push(
      res
        .request()
        .sizes()
        .then((s) => s.responseBodySize),
    );
  };
  page.on('response', onResponse);
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const onDisk = (file: string, ext = '') => statSync(path.join(DIST, file + ext)).size;
  // What the server sends for an encoding: the build's compressed file, or the file itself
  // when it was too small to be worth compressing.
  const encoded = (file: string, ext: '.gz' | '.br') => {
    try {
      return onDisk(file, ext);
    } catch {
      return onDisk(file);
    }
  };
  const gzipOf = (file: string) => encoded(file, '.gz');
  if (process.env.BENCH_LIST) {
    for (const f of scripts) console.log(String(gzipOf(f)).padStart(8), f);
  }
  return {
    files: scripts.length,
    sent: scripts.reduce((sum, f) => sum + encoded(f, '.br'), 0),
    transferred: (await Promise.all(sizes)).reduce((a, b) => a + b, 0),
    gzip: scripts.reduce((sum, f) => sum + gzipOf(f), 0),
    plain: scripts.reduce((sum, f) => sum + onDisk(f), 0),
  };
}

const kB = (n: number) => (n / 1000).toFixed(0);

/**
 * One person with a phone and a call about them due today, so the board is measured with a
 * card on it (and whatever a card's face loads), not empty.
 */
async function cardWithPhone(url: string, cookies: string[]) {
  const headers = { 'content-type': 'application/json', cookie: cookies.join('; ') };
  const call = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const templates = (await call('GET', '/api/settings/task-templates')) as {
    items: Array<{ id: string; type: string }>;
  };
  const template = templates.items.find((t) => t.type === 'call');
  if (!template) throw new Error('no call template in a fresh club');
  const created = (await call('POST', '/api/persons', {
    firstName: 'Tova',
    lastName: 'Lind',
    phones: [{ number: '+46701110001', label: 'mobile' }],
  })) as { person: { id: string } };
  await call('POST', '/api/tasks', {
    templateId: template.id,
    contactId: created.person.id,
    dueAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    comment: 'Asked about the trial class',
  });
}

async function main() {
  const server = await startServer();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'spotter-bench-web-'));
  // Launched inside the try, so a missing browser still stops the server it started.
  let browser: BrowserContext | undefined;
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs,
    });
    const email = 'owner@bench.test';
    const password = 'Rowing-Boat-Sunrise-42';
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organization: {
          name: 'Bench club',
          timezone: 'Europe/Stockholm',
          locale: 'en',
          currency: 'SEK',
        },
        owner: { name: 'Owner', email, password },
      }),
    });
    if (!setup.ok) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
    await cardWithPhone(
      server.url,
      setup.headers.getSetCookie().map((c) => c.split(';')[0]!),
    );
    const page = await browser.newPage();
    await page.context().clearCookies();
    const login = await measure(page, `${server.url}/login`, 'input[type=password]');
    await page.fill('input[type=email]', email);
    await page.fill('input[type=password]', password);
    await page.click('button[type=submit]');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    // A fresh page with an empty cache, as a tablet opening the board in the morning.
    const boardPage = await browser.newPage();
    const cdp = await browser.newCDPSession(boardPage);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const board = await measure(boardPage, `${server.url}/board`, '[data-testid="card-phone"]');
    console.log('| page | scripts | sent (brotli) kB | gzip kB | uncompressed kB |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, d] of [
      ['login', login],
      ['board (signed in)', board],
    ] as const) {
      console.log(`| ${name} | ${d.files} | ${kB(d.sent)} | ${kB(d.gzip)} | ${kB(d.plain)} |`);
    }
  } finally {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

await main();
