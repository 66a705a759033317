import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('configuration', () => {
  it('has sensible defaults and keeps a generated session secret in DATA_DIR', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'env-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      expect(config).toMatchObject({ port: 3000, signup: 'closed', databaseUrl: undefined });
      expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(
        config.sessionSecret,
      );
      expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', SIGNUP: 'maybe', SESSION_SECRET: 'short' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', SIGNUP: 'maybe', SESSION_SECRET: 'short' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/SIGNUP/);
      expect((err as Error).message).toMatch(/SESSION_SECRET/);
    }
  });
});
