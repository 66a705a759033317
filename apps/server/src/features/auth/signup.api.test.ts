import type { ApiError } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createTestApp,
  GOOD_PASSWORD,
  login,
  orgBody,
  type TestApp,
} from '../../../test/test-app.ts';
import { SIGNUP_LIMITS, SignupLimiter } from './signup-limiter.ts';

const HOUR = 60 * 60 * 1000;

describe('open signup', () => {
  let t: TestApp;
  let clock = Date.parse('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    const signupLimiter = new SignupLimiter({
      ...SIGNUP_LIMITS,
      maxPerAddress: 3,
      now: () => clock,
    });
    t = await createTestApp({ signupLimiter });
  });
  afterAll(() => t.close());

  const signupFrom = (ip: string, body: ReturnType<typeof orgBody>) =>
    t.app.inject({ method: 'POST', url: '/api/signup', payload: body, remoteAddress: ip });

  it('limits sign-ups per client address with 429 and Retry-After, failed ones included', async () => {
    const ip = '203.0.113.70';
    const existing = await createOrg(t.app, {});
    expect((await signupFrom(ip, orgBody({ email: existing.ownerEmail }))).statusCode).toBe(409);
    expect((await signupFrom(ip, orgBody())).statusCode).toBe(201);
    expect((await signupFrom(ip, orgBody())).statusCode).toBe(201);

    const refusedBody = orgBody();
    const refused = await signupFrom(ip, refusedBody);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ApiError>().code).toBe('rate_limited');
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(HOUR / 1000);
    // Nothing was created for the refused attempt.
    expect((await login(t.app, refusedBody.owner.email, GOOD_PASSWORD)).statusCode).toBe(401);

    expect((await signupFrom('203.0.113.71', orgBody())).statusCode).toBe(201);
    clock += wait * 1000;
    expect((await signupFrom(ip, refusedBody)).statusCode).toBe(201);
  });

  it('does not say that an email already has an account', async () => {
    const first = await createOrg(t.app);
    const second = await createOrg(t.app);
    const answers = [];
    for (const [i, email] of [first.ownerEmail, second.ownerEmail.toUpperCase()].entries()) {
      const res = await signupFrom(`203.0.113.${80 + i}`, orgBody({ email }));
      expect(res.statusCode).toBe(409);
      answers.push(res.json<ApiError>());
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.code).toBe('signup_refused');
    expect(answers[0]!.fields).toBeUndefined();
    expect(answers[0]!.message).not.toMatch(/exist|taken|registered|in use/i);
  });
});
