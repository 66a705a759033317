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

  it('reads TRUST_PROXY as a number of proxy hops or their addresses, and true as one hop with a warning', () => {
    const hops = (v?: string) => loadConfig({ TRUST_PROXY: v, SESSION_SECRET: 'a'.repeat(32) });
    expect(hops(undefined)).toMatchObject({ trustProxy: 0, warnings: [] });
    expect(hops('false').trustProxy).toBe(0);
    expect(hops('0').trustProxy).toBe(0);
    expect(hops('2')).toMatchObject({ trustProxy: 2, warnings: [] });
    expect(hops('true').trustProxy).toBe(1);
    expect(hops('true').warnings).toHaveLength(1);
    expect(hops('10.0.0.5, 172.16.0.0/12,loopback').trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'loopback',
    ]);
    expect(hops('fd00::/8').trustProxy).toEqual(['fd00::/8']);
    expect(() => hops('yes')).toThrow(/TRUST_PROXY/);
    expect(() => hops('10.0.0.5/33')).toThrow(/TRUST_PROXY/);
    expect(() => hops('-1')).toThrow(/TRUST_PROXY/);
  });

  it('reads PUBLIC_URL without its trailing slash, and refuses what is not an address', () => {
    const base = (v?: string) => loadConfig({ PUBLIC_URL: v, SESSION_SECRET: 'a'.repeat(32) });
    expect(base().publicUrl).toBeUndefined();
    expect(base('https://crm.club.se/').publicUrl).toBe('https://crm.club.se');
    expect(base('https://club.se/crm').publicUrl).toBe('https://club.se/crm');
    expect(() => base('crm.club.se')).toThrow(/PUBLIC_URL/);
    expect(() => base('https://crm.club.se/?x=1')).toThrow(/PUBLIC_URL/);
  });

  it('reads SPOTTER_SMS_ALLOW_HOSTS as hosts and ranges apart from the SMTP list, and refuses junk', () => {
    const cfg = (v?: string) =>
      loadConfig({ SPOTTER_SMS_ALLOW_HOSTS: v, SESSION_SECRET: 'a'.repeat(32) });
    expect(cfg().smsAllowHosts).toEqual([]);
    const both = cfg('sms.internal, 10.0.0.0/8');
    expect(both.smsAllowHosts).toEqual(['sms.internal', '10.0.0.0/8']);
    expect(both.smtpAllowHosts).toEqual([]);
    expect(() => cfg('10.0.0.0/99')).toThrow(/SPOTTER_SMS_ALLOW_HOSTS/);
    expect(() => cfg('http://sms.internal')).toThrow(/SPOTTER_SMS_ALLOW_HOSTS/);
  });
});
