import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocketLike } from '../coedit/connection';
import { EventsConnection, type Network } from './connection';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  sent: unknown[] = [];
  closed: number | null = null;
  constructor(readonly protocols: string[]) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000): void {
    this.closed = code;
    this.readyState = 3;
  }
  /** The server accepts and greets. */
  accept(user = 'u1'): void {
    this.readyState = 1;
    this.onopen?.({});
    this.deliver([{ type: 'ready', you: user, topics: [`user:${user}`] }]);
  }
  deliver(msgs: unknown[]): void {
    this.onmessage?.({ data: JSON.stringify(msgs) });
  }
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

class FakeNetwork implements Network {
  online = true;
  listeners = { online: new Set<() => void>(), offline: new Set<() => void>() };
  onLine = () => this.online;
  addEventListener(type: 'online' | 'offline', l: () => void) {
    this.listeners[type].add(l);
  }
  removeEventListener(type: 'online' | 'offline', l: () => void) {
    this.listeners[type].delete(l);
  }
  set(online: boolean) {
    this.online = online;
    for (const l of this.listeners[online ? 'online' : 'offline']) l();
  }
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
    last().accept();
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
    last().accept();
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
    last().accept();
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
    last().accept();
    expect(last().sent).toEqual([{ type: 'subscribe', topics: ['thread:9'] }]);
    expect(ready).toHaveBeenCalledTimes(2);
  });

  it('refreshes the token when the server says it expired', async () => {
    const { conn, sockets, last, refresh } = setup();
    conn.start();
    await vi.runOnlyPendingTimersAsync();
    last().accept();
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
    last().accept();
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
