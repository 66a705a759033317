import { describe, expect, it } from 'vitest';
import { openUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';

const secret = 's'.repeat(40);
const subject = {
  orgId: '0190c5a2-7b1e-7a00-8000-000000000001',
  campaignId: '0190c5a2-7b1e-7a00-8000-000000000002',
  personId: '0190c5a2-7b1e-7a00-8000-000000000003',
  channel: 'email' as const,
};

describe('unsubscribe tokens', () => {
  it('open to the person, campaign and channel they were made for', () => {
    const token = unsubscribeToken(secret, subject);
    expect(openUnsubscribeToken(secret, token)).toEqual(subject);
    expect(
      openUnsubscribeToken(secret, unsubscribeToken(secret, { ...subject, channel: 'sms' })),
    ).toMatchObject({ channel: 'sms' });
  });

  it('refuse a changed byte, another server secret and garbage', () => {
    const token = unsubscribeToken(secret, subject);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(openUnsubscribeToken(secret, token.slice(0, -1) + last)).toBeNull();
    const mid = token[10] === 'A' ? 'B' : 'A';
    expect(openUnsubscribeToken(secret, token.slice(0, 10) + mid + token.slice(11))).toBeNull();
    expect(openUnsubscribeToken('t'.repeat(40), token)).toBeNull();
    expect(openUnsubscribeToken(secret, 'x')).toBeNull();
    expect(openUnsubscribeToken(secret, '../../etc/passwd')).toBeNull();
  });
});
