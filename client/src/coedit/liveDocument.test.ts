import { describe, expect, it } from 'vitest';
import { TextOperation } from '../ot/textOperation';
import { DOC, FakeClient, FakeServer, baseNodes } from './fakeServer.test-util';
import { LiveDocument, type ClientMessage } from './liveDocument';
import { diffOp } from './textDiff';

function typeInto(store: LiveDocument, node: string, field: string, next: string): void {
  store.editText(node, field, diffOp(store.text(node, field), next));
}

function setup(n = 2) {
  const server = new FakeServer();
  const clients = Array.from({ length: n }, (_, i) => new FakeClient(server, `u${i + 1}`));
  for (const c of clients) {
    c.connect();
    c.up();
    c.down();
  }
  return { server, clients };
}

function settle(_server: FakeServer, clients: FakeClient[]): void {
  for (let i = 0; i < 50; i++) {
    let moved = false;
    for (const c of clients) {
      if (c.toServer.length || c.toClient.length) moved = true;
      c.up();
      c.down();
    }
    if (!moved) return;
  }
  throw new Error('did not settle');
}

describe('LiveDocument', () => {
  it('keeps a list of children the same array while its nodes are unchanged, so React can skip it', () => {
    const store = new LiveDocument(DOC, baseNodes(), 4);
    store.attach({ send: () => {} });
    store.receive([{ type: 'hello', you: 'u1', canEdit: true, rev: 4 }]);
    const goals = store.children(DOC, 'goals');
    const actions = store.children('g1', 'actions');
    typeInto(store, 'a1', 'title', 'Toimi nyt');
    expect(store.children('g1', 'actions')).not.toBe(actions); // a1 is a new object
    expect(store.children('g1', 'actions')[0].text?.title).toBe('Toimi nyt');
    expect(store.children(DOC, 'goals')).toBe(goals); // g1 did not change
    const after = store.children('g1', 'actions');
    store.edit([{ t: 'set', node: 'g1', field: 'nationalGoals', value: ['x'] }]);
    expect(store.children('g1', 'actions')).toBe(after);
    expect(store.children(DOC, 'goals')).not.toBe(goals);
  });

  it('joins with its revision and is saved once the server says hello', () => {
    const store = new LiveDocument(DOC, baseNodes(), 4);
    const sent: ClientMessage[] = [];
    expect(store.state).toBe('connecting');
    store.attach({ send: (m) => sent.push(m) });
    expect(sent).toEqual([{ type: 'join', rev: 4 }]);
    store.receive([{ type: 'hello', you: 'u1', canEdit: true, rev: 4 }]);
    expect(store.state).toBe('saved');
    typeInto(store, 'g1', 'title', 'Tavoite 1');
    expect(store.state).toBe('saving');
    expect(sent[1]).toMatchObject({ type: 'change', rev: 4, ops: [{ t: 'text', node: 'g1', field: 'title', op: [7, ' 1'] }] });
  });

  it('converges on concurrent edits of one field, the first-arriving author second at a tie', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    // Both insert at the end of "Tavoite" at the same time.
    typeInto(a.store, 'g1', 'title', 'Tavoite A');
    typeInto(b.store, 'g1', 'title', 'Tavoite B');
    a.up(); // A reaches the server first
    b.up();
    settle(server, clients);
    // The server puts the incoming (later) change first at a tie: B's text before A's.
    expect(server.nodes.g1.text?.title).toBe('Tavoite B A');
    expect(a.store.text('g1', 'title')).toBe('Tavoite B A');
    expect(b.store.text('g1', 'title')).toBe('Tavoite B A');
    expect(a.store.state).toBe('saved');
    expect(b.store.state).toBe('saved');
  });

  it('keeps typing while a change is in flight and transforms the buffer too', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    typeInto(a.store, 'a1', 'title', 'Toimi nyt');
    typeInto(a.store, 'a1', 'title', 'Toimi nyt heti'); // buffered: one change in flight
    expect(a.toServer).toHaveLength(1);
    typeInto(b.store, 'a1', 'title', 'Hyvä toimi');
    b.up();
    a.up();
    settle(server, clients);
    for (const c of clients) expect(c.store.text('a1', 'title')).toBe(server.nodes.a1.text?.title);
    expect(server.nodes.a1.text?.title).toBe('Hyvä toimi nyt heti');
  });

  it('set vs set: the later in server order wins on every copy', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    a.store.edit([{ t: 'set', node: 'a1', field: 'status', value: 'done' }]);
    b.store.edit([{ t: 'set', node: 'a1', field: 'status', value: 'postponed' }]);
    a.up();
    b.up();
    // B receives A's set while its own is pending: dropped, so B does not flicker to "done".
    b.down();
    expect(b.store.node('a1')?.fields.status).toBe('postponed');
    settle(server, clients);
    expect(server.nodes.a1.fields.status).toBe('postponed');
    expect(a.store.node('a1')?.fields.status).toBe('postponed');
    expect(b.store.node('a1')?.fields.status).toBe('postponed');
  });

  it('a local edit of a node removed by a concurrent delete is dropped', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    typeInto(a.store, 'a1', 'title', 'Toimi paremmin');
    a.store.edit([{ t: 'set', node: 'a1', field: 'progress', value: 50 }]);
    b.store.edit([{ t: 'delete', node: 'g1' }]);
    b.up(); // the delete wins the race
    a.up();
    settle(server, clients);
    expect(server.nodes.g1).toBeUndefined();
    expect(server.nodes.a1).toBeUndefined();
    for (const c of clients) {
      expect(c.store.node('a1')).toBeUndefined();
      expect(c.store.node('g1')).toBeUndefined();
      expect(c.store.state).toBe('saved');
    }
    // A is told, once, that its edit was lost to B's delete; B lost nothing.
    expect(a.store.notice).toEqual({ kind: 'deleted', by: b.store.you ?? undefined, seq: 1 });
    expect(b.store.notice).toBeNull();
  });

  it('ignores remote edits of nodes it deleted locally', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    a.store.edit([{ t: 'delete', node: 'g1' }]);
    typeInto(b.store, 'a1', 'title', 'Toimi X');
    b.store.edit([{ t: 'insert', node: { id: 'a2', type: 'action', parent: 'g1', list: 'actions', pos: 'a1', fields: {} } }]);
    b.up();
    a.up();
    a.down(); // B's change reaches A before A's ack
    expect(a.store.node('a1')).toBeUndefined();
    expect(a.store.node('a2')).toBeUndefined();
    settle(server, clients);
    expect(Object.keys(server.nodes)).toEqual([DOC]);
    for (const c of clients) expect(Object.keys(c.store.nodes)).toEqual([DOC]);
  });

  it('a move under a node it deleted deletes the moved node too', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    b.store.edit([{ t: 'insert', node: { id: 'g2', type: 'goal', parent: DOC, list: 'goals', pos: 'a1', fields: {} } }]);
    settle(server, clients);
    a.store.edit([{ t: 'delete', node: 'g2' }]);
    b.store.edit([{ t: 'move', node: 'a1', parent: 'g2', list: 'actions', pos: 'a0' }]);
    b.up();
    a.up();
    settle(server, clients);
    expect(server.nodes.a1).toBeUndefined();
    for (const c of clients) expect(Object.keys(c.store.nodes).sort()).toEqual(Object.keys(server.nodes).sort());
  });

  it('rejoins when it sees a revision gap, and ignores changes it already has', () => {
    const store = new LiveDocument(DOC, baseNodes(), 5);
    const sent: ClientMessage[] = [];
    store.attach({ send: (m) => sent.push(m) });
    store.receive([{ type: 'hello', you: 'u1', canEdit: true, rev: 5 }]);
    store.receive({ type: 'changes', changes: [{ rev: 5, by: 'u2', ops: [{ t: 'set', node: 'a1', field: 'status', value: 'done' }] }] });
    expect(store.node('a1')?.fields.status).toBe('planned');
    store.receive({ type: 'changes', changes: [{ rev: 7, by: 'u2', ops: [] }] });
    expect(sent.at(-1)).toEqual({ type: 'join', rev: 5 });
    expect(store.rev).toBe(5);
  });

  it('ignores broadcasts that race the replay after join', () => {
    const store = new LiveDocument(DOC, baseNodes(), 5);
    const sent: ClientMessage[] = [];
    store.attach({ send: (m) => sent.push(m) });
    // A broadcast of rev 8 arrives before hello and replay: no rejoin, no apply.
    store.receive({ type: 'changes', changes: [{ rev: 8, by: 'u2', ops: [] }] });
    expect(sent).toHaveLength(1);
    store.receive([
      { type: 'hello', you: 'u1', canEdit: true, rev: 7 },
      { type: 'changes', changes: [6, 7].map((rev) => ({ rev, by: 'u2', ops: [] })) },
    ]);
    expect(store.rev).toBe(7);
    expect(store.state).toBe('saved');
  });

  it('after a reconnect treats its change in flight as acknowledged when the replay has it', () => {
    const { server, clients } = setup();
    const [a] = clients;
    typeInto(a.store, 'g1', 'title', 'Tavoite yksi');
    const id = (a.toServer[0] as { id: string }).id;
    a.up(); // the server applies it, but the connection drops before the ack arrives
    a.disconnect();
    expect(a.store.state).toBe('offline');
    typeInto(a.store, 'g1', 'title', 'Tavoite yksi ja kaksi'); // kept while offline
    a.connect();
    a.up();
    a.down(); // hello + replay with our change: acknowledged, then the buffer goes out
    expect(a.toServer).toHaveLength(1);
    expect(a.toServer[0]).toMatchObject({ type: 'change', rev: 1 });
    expect((a.toServer[0] as { id: string }).id).not.toBe(id);
    settle(server, clients);
    expect(server.nodes.g1.text?.title).toBe('Tavoite yksi ja kaksi');
    for (const c of clients) expect(c.store.text('g1', 'title')).toBe('Tavoite yksi ja kaksi');
  });

  it('after a reconnect resends its change in flight with the same id when the server never got it', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    typeInto(a.store, 'g1', 'title', 'Tavoite A');
    const lost = a.toServer[0] as { id: string };
    a.disconnect(); // lost on the way
    typeInto(b.store, 'g1', 'title', 'Iso tavoite');
    b.up();
    a.connect();
    a.up();
    a.down(); // hello rev 1 + replay of B's change, then the resend
    expect(a.toServer).toHaveLength(1);
    expect(a.toServer[0]).toMatchObject({ type: 'change', id: lost.id, rev: 1, ops: [{ op: [11, ' A'] }] });
    settle(server, clients);
    expect(server.nodes.g1.text?.title).toBe('Iso tavoite A');
    for (const c of clients) expect(c.store.text('g1', 'title')).toBe('Iso tavoite A');
  });

  it('asks for a fresh copy when its change is refused, keeping buffered edits that still fit', () => {
    const store = new LiveDocument(DOC, baseNodes(), 3);
    const sent: ClientMessage[] = [];
    let resyncs = 0;
    store.onResync = () => resyncs++;
    store.attach({ send: (m) => sent.push(m) });
    store.receive({ type: 'hello', you: 'u1', canEdit: true, rev: 3 });
    store.edit([{ t: 'set', node: 'a1', field: 'progress', value: 20 }]);
    store.edit([{ t: 'set', node: 'g1', field: 'nationalGoals', value: ['x1'] }]);
    const id = (sent[1] as { id: string }).id;
    store.receive({ type: 'error', id, code: 'invalid_field' });
    expect(resyncs).toBe(1);
    const fresh = baseNodes();
    fresh.g1 = { ...fresh.g1, text: { title: 'Uusi' } };
    store.reset(fresh, 9);
    expect(store.text('g1', 'title')).toBe('Uusi');
    expect(store.node('a1')?.fields.progress).toBeUndefined();
    expect(store.node('g1')?.fields.nationalGoals).toEqual(['x1']);
    expect(sent.at(-1)).toEqual({ type: 'join', rev: 9 });
    store.receive({ type: 'hello', you: 'u1', canEdit: true, rev: 9 });
    expect(sent.at(-1)).toMatchObject({ type: 'change', rev: 9, ops: [{ t: 'set', field: 'nationalGoals' }] });
  });

  it('tells editors how a remote operation moved their text', () => {
    const { server, clients } = setup();
    const [a, b] = clients;
    const seen: string[] = [];
    a.store.onText((node, field, op) => seen.push(`${node}.${field}:${JSON.stringify(op?.toJSON())}`));
    typeInto(b.store, 'g1', 'title', 'Uusi tavoite');
    settle(server, clients);
    expect(seen).toEqual(['g1.title:["Uusi t",-1,6]']);
  });

  it('converges under random concurrent edits', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const { server, clients } = setup(3);
      for (let step = 0; step < 60; step++) {
        const c = clients[rnd(3)];
        const action = rnd(10);
        if (action < 5) {
          const node = ['g1', 'a1'][rnd(2)];
          if (!c.store.node(node)) continue;
          const old = c.store.text(node, 'title');
          const at = rnd(old.length + 1);
          const del = rnd(3) === 0 ? Math.min(rnd(3), old.length - at) : 0;
          typeInto(c.store, node, 'title', old.slice(0, at) + 'xyzåö'[rnd(5)] + old.slice(at + del));
        } else if (action < 7) {
          if (c.store.node('a1')) c.store.edit([{ t: 'set', node: 'a1', field: 'status', value: ['done', 'planned', 'postponed'][rnd(3)] }]);
        } else if (action === 7 && step > 50 && rnd(3) === 0) {
          if (c.store.node('a1')) c.store.edit([{ t: 'delete', node: 'a1' }]);
        } else {
          c.up(rnd(2) + 1);
          c.down(rnd(2) + 1);
        }
      }
      settle(server, clients);
      for (const c of clients) {
        expect(c.store.nodes).toEqual(server.nodes);
        expect(c.store.state).toBe('saved');
      }
    }
  });
});

describe('TextOperation compose in the buffer', () => {
  it('keeps one text op per field for consecutive keystrokes', () => {
    const store = new LiveDocument(DOC, baseNodes(), 0);
    typeInto(store, 'g1', 'title', 'Tavoite 1');
    typeInto(store, 'g1', 'title', 'Tavoite 12');
    const { buffer } = store.debugState();
    expect(buffer).toHaveLength(1);
    expect(TextOperation.fromJSON((buffer[0] as unknown as { op: [] }).op).apply('Tavoite')).toBe('Tavoite 12');
  });
});
