import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { RecoveryCodes, TwoStepSetup } from '@spotter/contracts';
import { Secret, TOTP } from 'otpauth';
import { GOOD_PASSWORD, login, ok, type Client } from '../../../test/test-app.ts';

/** The code an authenticator app would show for `secret` at `at`. */
export const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

/** A test clock that moves only when told; a step is 30 seconds. */
export function testClock(start = new Date('2026-03-02T09:00:00Z')) {
  const clock = {
    now: start,
    step(n = 1) {
      clock.now = new Date(clock.now.getTime() + n * 30_000);
    },
  };
  return clock;
}

/** Turns two-step on for `client`; its secret and recovery codes. */
export async function enrol(client: Client, now: Date) {
  const setup = await ok<TwoStepSetup>(client, 'POST', '/api/me/two-step/setup');
  const { recoveryCodes } = await ok<RecoveryCodes>(client, 'POST', '/api/me/two-step/confirm', {
    code: codeAt(setup.secret, now),
  });
  return { secret: setup.secret, recoveryCodes };
}

/** The password step; its answer and the login cookie it set, if any. */
export async function passwordStep(app: FastifyInstance, email: string) {
  const res = await login(app, email, GOOD_PASSWORD);
  const challenge = res.cookies.find((c) => c.name === 'spotter_login')?.value;
  return { res, challenge };
}

export function codeStep(
  app: FastifyInstance,
  challenge: string | undefined,
  code: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login/code',
    payload: { code },
    ...(challenge !== undefined && { cookies: { spotter_login: challenge } }),
  });
}
