import { describe, expect, it } from 'vitest';
import { feedAddress, webcalAddress } from './calendar-feed-url.ts';

describe('the calendar feed’s address', () => {
  it('is the API’s path on this server', () => {
    expect(feedAddress('/api/calendar/abc_DEF-1.ics', 'https://crm.club.se')).toBe(
      'https://crm.club.se/api/calendar/abc_DEF-1.ics',
    );
  });

  it('keeps an address that is already absolute', () => {
    expect(feedAddress('https://other.example/api/calendar/x.ics', 'https://crm.club.se')).toBe(
      'https://other.example/api/calendar/x.ics',
    );
  });

  it('has a webcal:// twin for subscribing in one click', () => {
    expect(webcalAddress('https://crm.club.se/api/calendar/x.ics')).toBe(
      'webcal://crm.club.se/api/calendar/x.ics',
    );
    expect(webcalAddress('http://127.0.0.1:3000/api/calendar/x.ics')).toBe(
      'webcal://127.0.0.1:3000/api/calendar/x.ics',
    );
  });
});
