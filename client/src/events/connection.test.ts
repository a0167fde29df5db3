import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNetwork, FakeSocket } from '../realtime/fakes.test-util';
import { EventsConnection } from './connection';

/** The server accepts the upgrade and greets. */
function accept(s: FakeSocket, user = 'u1'): void {
  s.open();
  s.deliver([{ type: 'ready', you: user, topics: [`user:${user}`] }]);
}

function setup() {
  const sockets: FakeSocket[] = [];
  const network = new FakeNetwork();
  let token = 't1';
  const refresh = vi.fn(async () => {
    token = `t${Number(token.slice(1)) + 1}`;
    return token;
  });
  const conn = new EventsConnection({
    url: 'ws://x/api/v1/events/socket',
    getToken: () => token,
    refreshToken: refresh,
    createSocket: (_url, protocols) => {
      const s = new FakeSocket(protocols);
      sockets.push(s);
      return s;
    },
    network,
    random: () => 1,
  });
  const last = () => sockets[sockets.length - 1];
  return { conn, sockets, last, network, refresh };
}

describe('EventsConnection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes what is listened to once ready and routes events by topic and kind', async () => {
    const { conn, last } = setup();
    const own = vi.fn();
    const thread = vi.fn();
    conn.listen('user', 'notification', own);
    conn.listen('thread:1', 'message', thread);
    conn.start();
    await vi.runOnlyPendingTimersAsync();
    expect(last().protocols).toEqual(['elo.v1', 'bearer.t1']);
    accept(last());
    expect(last().sent).toEqual([{ type: 'subscribe', topics: ['thread:1'] }]);
    last().deliver([
      { type: 'event', topic: 'user:u1', kind: 'notification', data: { unread: 2 } },
      { type: 'event', topic: 'thread:1', kind: 'message', data: { id: 'm' } },
      { type: 'event', topic: 'thread:1', kind: 'other' },
    ]);
    expect(own).toHaveBeenCalledWith({ unread: 2 }, expect.objectContaining({ topic: 'user:u1' }));
    expect(thread).toHaveBeenCalledTimes(1);
  });

  it('subscribes a topic once however many listen, and unsubscribes after the last', async () => {
    const { conn, last } = setup();
    conn.start();
    await vi.runOnlyPendingTimersAsync();
    accept(last());
    const a = conn.listen('national', 'changed', () => {});
    const b = conn.listen('national', 'changed', () => {});
    a();
    b();
    expect(last().sent).toEqual([
      { type: 'subscribe', topics: ['national'] },
      { type: 'unsubscribe', topics: ['national'] },
    ]);
  });

  it('reconnects with backoff, resubscribes and tells ready listeners each time', async () => {
    const { conn, sockets, last } = setup();
    const ready = vi.fn();
    conn.onReady(ready);
    conn.listen('thread:9', 'message', () => {});
    conn.start();
    await vi.runOnlyPendingTimersAsync();
    accept(last());
    last().serverClose(1012);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    last().serverClose(1006); // refused: the next wait is longer
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    accept(last());
    expect(last().sent).toEqual([{ type: 'subscribe', topics: ['thread:9'] }]);
    expect(ready).toHaveBeenCalledTimes(2);
  });

  it('refreshes the token when the server says it expired', async () => {
    const { conn, sockets, last, refresh } = setup();
    conn.start();
    await vi.runOnlyPendingTimersAsync();
    accept(last());
    last().serverClose(4001);
    await vi.runOnlyPendingTimersAsync();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sockets).toHaveLength(2);
    expect(last().protocols).toEqual(['elo.v1', 'bearer.t2']);
  });

  it('closes when the browser goes offline and reconnects when it is back', async () => {
    const { conn, sockets, last, network } = setup();
    conn.start();
    await vi.runOnlyPendingTimersAsync();
    accept(last());
    network.set(false);
    expect(last().closed).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    network.set(true);
    await vi.runOnlyPendingTimersAsync();
    expect(sockets).toHaveLength(2);
    conn.stop();
    expect(last().closed).toBe(1000);
  });
});
