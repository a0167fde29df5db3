import { describe, expect, it } from 'vitest';
import { FakeNetwork, FakeSocket } from '../realtime/fakes.test-util';
import { Connection } from './connection';
import { LiveDocument } from './liveDocument';
import { DOC, baseNodes } from './fakeServer.test-util';
import { diffOp } from './textDiff';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const store = new LiveDocument(DOC, baseNodes(), 3);
  const sockets: FakeSocket[] = [];
  const network = new FakeNetwork();
  const conn = new Connection(store, {
    url: 'ws://x/socket',
    getToken: () => 'token',
    refreshToken: async () => 'token',
    loadDocument: async () => ({ nodes: baseNodes(), revision: 3 }),
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    network,
    minDelay: 60_000, // a scheduled retry would not come during the test
  });
  return { store, sockets, network, conn };
}

describe('Connection', () => {
  it('closes the socket when the browser goes offline, keeps the edits and reconnects when it is back', async () => {
    const { store, sockets, network, conn } = setup();
    conn.start();
    await flush();
    sockets[0].open();
    sockets[0].deliver({ type: 'hello', you: 'u1', canEdit: true, rev: 3 });
    expect(store.state).toBe('saved');

    network.set(false);
    expect(sockets[0].closed).toBe(1000);
    expect(store.state).toBe('offline');
    store.editText('g1', 'title', diffOp('Tavoite', 'Tavoite offline'));
    expect(store.state).toBe('offline');
    await flush();
    expect(sockets).toHaveLength(1); // no attempt while offline

    network.set(true);
    await flush();
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(sockets[1].sent[0]).toEqual({ type: 'join', rev: 3 });
    sockets[1].deliver({ type: 'hello', you: 'u1', canEdit: true, rev: 3 });
    expect(sockets[1].sent[1]).toMatchObject({ type: 'change', rev: 3, ops: [{ t: 'text', node: 'g1', field: 'title' }] });
    expect(store.state).toBe('saving');
    conn.stop();
  });

  it('does not connect while the browser starts offline', async () => {
    const { store, sockets, network, conn } = setup();
    network.online = false;
    conn.start();
    await flush();
    expect(sockets).toHaveLength(0);
    expect(store.state).toBe('offline');
    network.set(true);
    await flush();
    expect(sockets).toHaveLength(1);
    conn.stop();
    expect(network.listeners.online.size + network.listeners.offline.size).toBe(0);
  });
});
