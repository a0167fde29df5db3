import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNetwork, FakeSocket } from './fakes.test-util';
import { ReconnectingSocket, apiSocketUrl, type SocketHooks } from './socket';

function setup(hooks: Partial<SocketHooks> = {}) {
  const sockets: FakeSocket[] = [];
  const network = new FakeNetwork();
  const got: unknown[] = [];
  const events: string[] = [];
  const rs = new ReconnectingSocket(
    {
      url: 'ws://x/api/v1/events/socket',
      getToken: () => 't1',
      refreshToken: async () => 't2',
      createSocket: (_url, protocols) => {
        const s = new FakeSocket(protocols);
        sockets.push(s);
        return s;
      },
      network,
      random: () => 1,
    },
    {
      onMessage: (m) => got.push(m),
      onOpen: () => events.push('open'),
      onDown: () => events.push('down'),
      onNetwork: (offline) => events.push(offline ? 'offline' : 'online'),
      ...hooks,
    },
  );
  const last = () => sockets[sockets.length - 1];
  return { rs, sockets, network, got, events, last };
}

describe('ReconnectingSocket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes parsed frames on, skips what is not JSON, and sends only while open', async () => {
    const { rs, last, got } = setup();
    rs.start();
    await vi.runOnlyPendingTimersAsync();
    expect(rs.send({ a: 1 })).toBe(false);
    last().open();
    last().deliver([{ type: 'x' }]);
    last().onmessage?.({ data: 'not json' });
    expect(got).toEqual([[{ type: 'x' }]]);
    expect(rs.send({ a: 1 })).toBe(true);
    expect(last().sent).toEqual([{ a: 1 }]);
  });

  it('backs off while refused and starts from the shortest wait after resetBackoff', async () => {
    const { rs, sockets, last } = setup();
    rs.start();
    await vi.runOnlyPendingTimersAsync();
    last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(500);
    last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    last().open();
    rs.resetBackoff();
    last().serverClose(1012);
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(4);
    rs.stop();
  });

  it("stops retrying when onClose or the probe says 'stop'", async () => {
    const onClose = vi.fn((code: number) => (code === 4003 ? ('stop' as const) : undefined));
    const probe = vi.fn(async () => 'stop' as const);
    const a = setup({ onClose });
    a.rs.start();
    await vi.runOnlyPendingTimersAsync();
    a.last().open();
    a.last().serverClose(4003);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(a.sockets).toHaveLength(1);

    const b = setup({ probe });
    b.rs.start();
    await vi.runOnlyPendingTimersAsync();
    b.last().serverClose(1006); // refused before the upgrade: the probe asks why
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(b.sockets).toHaveLength(1);
  });

  it('tells the user when the network goes and comes back, and reconnects at once', async () => {
    const { rs, sockets, network, events, last } = setup();
    rs.start();
    await vi.runOnlyPendingTimersAsync();
    last().open();
    network.set(false);
    expect(last().closed).toBe(1000);
    network.set(true);
    await vi.runOnlyPendingTimersAsync();
    expect(sockets).toHaveLength(2);
    expect(events).toEqual(['open', 'offline', 'down', 'online']);
    rs.stop();
    expect(network.listeners.online.size + network.listeners.offline.size).toBe(0);
  });

  it('addresses API sockets relative to the page', () => {
    expect(apiSocketUrl('/events/socket', { protocol: 'https:', host: 'elo.example' })).toBe('wss://elo.example/api/v1/events/socket');
    expect(apiSocketUrl('/documents/d/socket', { protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/api/v1/documents/d/socket');
  });
});
