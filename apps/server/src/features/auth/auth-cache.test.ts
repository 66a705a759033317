import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthCache, type SessionFound } from './auth-cache.ts';

const found = {
  actor: { orgId: 'o1', userId: 'u1', role: 'owner', via: 'session' },
} as SessionFound;
const owner = { userId: 'u1', orgId: 'o1' };

/** A LISTEN that the test controls: deliver() is the database's notification arriving. */
function fakeListen() {
  let handler: ((payload: string) => void) | undefined;
  return {
    listen: async (_channel: string, onMessage: (payload: string) => void) => {
      handler = onMessage;
      return async () => {
        handler = undefined;
      };
    },
    deliver: (payload: string) => handler?.(payload),
  };
}

async function listening(clock = { now: 0 }) {
  const cache = new AuthCache(5_000, () => clock.now);
  const channel = fakeListen();
  await cache.start(channel.listen);
  return { cache, channel, clock };
}

describe('AuthCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers nothing from memory before it listens', () => {
    const cache = new AuthCache();
    cache.fill(cache.sessions, 's1', cache.ticket(), found, owner);
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
  });

  it('answers a stored entry until its TTL or the session’s own expiry, whichever is first', async () => {
    const { cache, clock } = await listening();
    cache.fill(cache.sessions, 's1', cache.ticket(), found, owner);
    cache.fill(cache.sessions, 's2', cache.ticket(), found, {
      ...owner,
      notAfter: new Date(1_000),
    });
    clock.now = 999;
    expect(cache.read(cache.sessions, 's1')).toBe(found);
    expect(cache.read(cache.sessions, 's2')).toBe(found);
    clock.now = 1_000;
    expect(cache.read(cache.sessions, 's2')).toBeUndefined();
    clock.now = 5_000;
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
  });

  it('does not store a lookup that was in flight while something was forgotten', async () => {
    const { cache, channel } = await listening();
    const ticket = cache.ticket();
    // The lookup read the row before the change committed; the notification came meanwhile.
    channel.deliver('u:someone-else');
    cache.fill(cache.sessions, 's1', ticket, found, owner);
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
  });

  it('forgets by session, user, organization and token as the notifications say', async () => {
    const { cache, channel } = await listening();
    const token = { id: 't1', orgId: 'o1', lastUsedAt: null, scopes: [], expiresAt: null };
    const fillAll = () => {
      cache.fill(cache.sessions, 's1', cache.ticket(), found, owner);
      cache.fill(cache.tokens, 'h1', cache.ticket(), token, { userId: null, orgId: 'o1' });
    };
    fillAll();
    channel.deliver('s:s1');
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
    fillAll();
    channel.deliver('u:u1');
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
    expect(cache.read(cache.tokens, 'h1')).toBe(token);
    channel.deliver('t:t1');
    expect(cache.read(cache.tokens, 'h1')).toBeUndefined();
    fillAll();
    channel.deliver('o:o1');
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
    expect(cache.read(cache.tokens, 'h1')).toBeUndefined();
    fillAll();
    channel.deliver('x:what is this');
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
  });

  it('bypasses memory while the heartbeat does not come back, and trusts it again when it does', async () => {
    vi.useFakeTimers();
    const cache = new AuthCache();
    const channel = fakeListen();
    let deliver = true;
    const onError = vi.fn();
    await cache.start(channel.listen, {
      send: async (payload) => {
        if (deliver) channel.deliver(payload);
      },
      onError,
    });
    await vi.advanceTimersByTimeAsync(1_000);
    cache.fill(cache.sessions, 's1', cache.ticket(), found, owner);
    expect(cache.read(cache.sessions, 's1')).toBe(found);

    // The LISTEN connection dropped: the next heartbeat is lost.
    deliver = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cache.trusted).toBe(false);
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();
    cache.fill(cache.sessions, 's1', cache.ticket(), found, owner);
    expect(cache.read(cache.sessions, 's1')).toBeUndefined();

    deliver = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cache.trusted).toBe(true);
    await cache.stop();
  });

  it('bypasses memory when the heartbeat cannot be sent, or LISTEN cannot start', async () => {
    vi.useFakeTimers();
    const cache = new AuthCache();
    const channel = fakeListen();
    await cache.start(channel.listen, {
      send: async () => {
        throw new Error('connection refused');
      },
      onError: () => {},
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cache.trusted).toBe(false);
    await cache.stop();

    const deaf = new AuthCache();
    const onError = vi.fn();
    await deaf.start(
      async () => {
        throw new Error('no LISTEN');
      },
      { send: async () => {}, onError },
    );
    expect(deaf.trusted).toBe(false);
    expect(onError).toHaveBeenCalled();
  });
});
