import type { TwilioCall } from '@spotter/contracts';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { callEventOf, twilioSignature, twimlAnswer } from './twilio.service.ts';

const token = '0123456789abcdef0123456789abcdef';
const url = 'https://crm.example/api/event-sources/x/twilio?site=north';

describe("Twilio's request signature", () => {
  it('is the one the twilio package computes, with SHA-1 and with SHA-256', () => {
    const params = { CallSid: 'CA1', From: '+46701234567', To: '+4681234', Caller: "O'Brien" };
    expect(twilioSignature(token, url, params)).toBe(
      twilio.getExpectedTwilioSignature(token, url, params),
    );
    expect(twilioSignature(token, url, params, 'sha256')).toBe(
      twilio.getExpectedTwilioSignature(token, url, params, 'HMAC_SHA256'),
    );
  });

  it('takes a repeated parameter as each distinct value, sorted, as the package does', () => {
    const params = { StatusCallbackEvent: ['ringing', 'answered', 'ringing'], CallSid: 'CA1' };
    expect(twilioSignature(token, url, params)).toBe(
      twilio.getExpectedTwilioSignature(token, url, params),
    );
  });
});

describe('a Twilio request as a call event', () => {
  const call = (over: Partial<TwilioCall>): TwilioCall => ({
    CallSid: 'CA42',
    From: '+46701234567',
    To: '+46812345678',
    CallStatus: 'ringing',
    ...over,
  });
  const now = new Date('2026-12-07T09:00:00Z');

  it('maps the call states onto started, ended and missed, one event id per state', () => {
    const states: Array<[TwilioCall['CallStatus'], string]> = [
      ['queued', 'call.started'],
      ['ringing', 'call.started'],
      ['in-progress', 'call.started'],
      ['completed', 'call.ended'],
      ['busy', 'call.missed'],
      ['failed', 'call.missed'],
      ['no-answer', 'call.missed'],
      ['canceled', 'call.missed'],
    ];
    for (const [status, type] of states) {
      const event = callEventOf(call({ CallStatus: status }), now)!;
      expect(event.type).toBe(type);
      expect(event.id).toBe(`CA42:${type.slice(5)}`);
    }
    expect(callEventOf(call({ CallStatus: 'completed', CallDuration: '61' }), now)!.data).toEqual({
      call: { externalId: 'CA42', from: '+46701234567', line: '+46812345678', durationSeconds: 61 },
    });
  });

  it("uses Twilio's timestamp when it sends one, and records no withheld number", () => {
    const stamped = callEventOf(call({ Timestamp: 'Mon, 07 Dec 2026 08:59:30 +0000' }), now)!;
    expect(stamped.occurredAt).toBe('2026-12-07T08:59:30.000Z');
    expect(callEventOf(call({ Timestamp: 'yesterday-ish' }), now)!.occurredAt).toBe(
      now.toISOString(),
    );
    expect(callEventOf(call({ From: 'anonymous' }), now)).toBeNull();
  });

  it('forwards only a ringing call, and escapes what it writes', () => {
    expect(twimlAnswer(call({}), '+46701234568')).toContain('<Dial>+46701234568</Dial>');
    expect(twimlAnswer(call({ CallStatus: 'completed' }), '+46701234568')).toContain('<Response/>');
    expect(twimlAnswer(call({}), '<x>')).toContain('<Dial>&#60;x&#62;</Dial>');
  });
});
