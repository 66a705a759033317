import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AllowList } from '../lib/address-guard.ts';
import { isProxyAddress, type TrustProxy } from './trust-proxy.ts';

const addressList = (v: string) => v.split(',').map((a) => a.trim());

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
  SIGNUP: z.enum(['closed', 'open']).default('closed'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  IMPORTS_PER_ORGANIZATION: z.coerce.number().int().min(1).max(20).default(2),
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(v), {
      message: 'must be the address people and systems reach Spotter at, e.g. https://crm.club.se',
    }),
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine((v) => /^(true|false|\d{1,2})$/.test(v) || addressList(v).every(isProxyAddress), {
      message:
        'must be the number of reverse proxies in front of Spotter (0, 1, 2 …), ' +
        'or their addresses (e.g. 10.0.0.5,172.16.0.0/12)',
    }),
  SPOTTER_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || addressList(v).every((a) => AllowList.isEntry(a)), {
      message:
        'must be host names, addresses or CIDR ranges separated by commas ' +
        '(e.g. hooks.internal,10.0.0.0/8)',
    }),
  SPOTTER_SMTP_ALLOW_HOSTS: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || addressList(v).every((a) => AllowList.isEntry(a)), {
      message:
        'must be host names, addresses or CIDR ranges separated by commas ' +
        '(e.g. mail.internal,10.0.0.0/8)',
    }),
  SPOTTER_SMS_ALLOW_HOSTS: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || addressList(v).every((a) => AllowList.isEntry(a)), {
      message:
        'must be host names, addresses or CIDR ranges separated by commas ' +
        '(e.g. sms.internal,10.0.0.0/8)',
    }),
});

/**
 * `TRUST_PROXY` as a number of proxy hops or a list of proxy addresses. `true` used to trust
 * every hop, which let a client write its own address into X-Forwarded-For; it now means one
 * hop and asks for the number.
 */
function trustProxyOf(value: string, warnings: string[]): TrustProxy {
  if (value === 'false') return 0;
  if (value === 'true') {
    warnings.push(
      'TRUST_PROXY=true is deprecated and now trusts one proxy only: set TRUST_PROXY to the ' +
        'number of reverse proxies in front of Spotter (usually 1), or to their addresses.',
    );
    return 1;
  }
  if (/^\d+$/.test(value)) return Number(value);
  return addressList(value);
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  signup: 'closed' | 'open';
  logLevel: string;
  /** Folder of the built web app; unset or missing: the API runs alone. */
  webDist: string | undefined;
  /**
   * Which reverse proxies in front of Spotter to believe: a number of hops (0: none, the
   * connection's own address is the client's) or the proxies' addresses (plugins/trust-proxy.ts).
   */
  trustProxy: TrustProxy;
  /**
   * The address Spotter is reached at from outside (`https://crm.club.se`), for the URLs it
   * hands out and signatures over them (Twilio's); unset: the address of the request.
   */
  publicUrl?: string | undefined;
  /** Imports one organization runs at once; its others wait queued (a club can't fill the runners). */
  importsPerOrganization: number;
  /**
   * Private hosts, addresses and ranges outbound webhooks may reach anyway (decision 0027):
   * everything private, loopback, link-local or reserved is refused unless listed here.
   */
  webhookAllowHosts?: string[];
  /** SPOTTER_SMTP_ALLOW_HOSTS: private hosts an organization's SMTP server may be on. */
  smtpAllowHosts?: string[];
  /** SPOTTER_SMS_ALLOW_HOSTS: private hosts an organization's SMS gateway may be on. */
  smsAllowHosts?: string[];
  /** Things to log at start-up about the configuration (deprecated values). */
  warnings?: string[];
}

export class ConfigError extends Error {}

/** Reads the environment once at start-up; a bad value stops the server with a clear message. */
function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Where the database is, and nothing else: the backup and restore commands read only this,
 * so they create nothing in DATA_DIR (a restore needs it empty).
 */
export function loadDatabaseLocation(env: NodeJS.ProcessEnv = process.env) {
  const e = parseEnv(envSchema.pick({ DATABASE_URL: true, DATA_DIR: true }), env);
  return { databaseUrl: e.DATABASE_URL, dataDir: path.resolve(e.DATA_DIR) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = parseEnv(envSchema, env);
  const dataDir = path.resolve(e.DATA_DIR);
  const warnings: string[] = [];
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    signup: e.SIGNUP,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : undefined,
    publicUrl: e.PUBLIC_URL,
    trustProxy: trustProxyOf(e.TRUST_PROXY, warnings),
    importsPerOrganization: e.IMPORTS_PER_ORGANIZATION,
    webhookAllowHosts: e.SPOTTER_WEBHOOK_ALLOW_HOSTS
      ? addressList(e.SPOTTER_WEBHOOK_ALLOW_HOSTS)
      : [],
    smtpAllowHosts: e.SPOTTER_SMTP_ALLOW_HOSTS ? addressList(e.SPOTTER_SMTP_ALLOW_HOSTS) : [],
    smsAllowHosts: e.SPOTTER_SMS_ALLOW_HOSTS ? addressList(e.SPOTTER_SMS_ALLOW_HOSTS) : [],
    warnings,
  };
}

/** Keeps a generated secret beside the data so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
