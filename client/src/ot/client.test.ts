import { describe, expect, it } from 'vitest';
import { Client } from './client';
import { TextOperation } from './textOperation';

// mulberry32: a small seeded generator, so every run replays the same edits.
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const x = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(x * n);
  };
}

const ALPHABET = Array.from('abcxyz ÄäÖöÅå.\n\u0308😀🌲👍€');

function randText(r: (n: number) => number, max: number): string {
  let s = '';
  for (let i = r(max + 1); i > 0; i--) s += ALPHABET[r(ALPHABET.length)];
  return s;
}

// A random operation on doc that retains and deletes whole code points (never half a pair).
function randOp(r: (n: number) => number, doc: string): TextOperation {
  const cps = Array.from(doc);
  const o = new TextOperation();
  let i = 0;
  while (i < cps.length) {
    const k = 1 + r(Math.min(cps.length - i, 8));
    const units = cps.slice(i, i + k).join('').length;
    const c = r(5);
    if (c === 3) {
      o.delete(units);
      i += k;
    } else if (c === 4) {
      o.insert(randText(r, 4));
    } else {
      o.retain(units);
      i += k;
    }
  }
  if (r(3) === 0) o.insert(randText(r, 4));
  return o;
}

describe('Client state machine', () => {
  it('keeps one operation in flight and buffers the rest', () => {
    const sent: [number, string][] = [];
    const applied: string[] = [];
    const c = new Client(3, {
      sendOperation: (rev, o) => sent.push([rev, o.toString()]),
      applyOperation: (o) => applied.push(o.toString()),
    });
    c.applyClient(TextOperation.fromJSON([2, 'a']));
    expect(c.state.name).toBe('AwaitingConfirm');
    c.applyClient(TextOperation.fromJSON([3, 'b']));
    c.applyClient(TextOperation.fromJSON([4, 'c']));
    expect(c.state.name).toBe('AwaitingWithBuffer');
    expect(sent).toEqual([[3, '[2,"a"]']]);

    c.applyServer(4, TextOperation.fromJSON(['X', 2]));
    expect(applied).toEqual(['["X",5]']);
    const s = c.state;
    expect(s.name === 'AwaitingWithBuffer' && [s.outstanding.toString(), s.buffer.toString()]).toEqual([
      '[3,"a"]',
      '[4,"bc"]',
    ]);

    c.serverAck(5);
    expect(sent[1]).toEqual([5, '[4,"bc"]']);
    c.serverReconnect();
    expect(sent[2]).toEqual([5, '[4,"bc"]']);
    c.serverAck(6);
    expect(c.state.name).toBe('Synchronized');
    expect(c.revision).toBe(6);
  });

  it('throws on inconsistencies without a resync hook, and leaves the state unchanged', () => {
    const c = new Client(0, { sendOperation: () => {}, applyOperation: () => {} });
    expect(() => c.serverAck(1)).toThrow();
    c.applyClient(TextOperation.fromJSON([1, 'x']));
    expect(() => c.applyServer(2, TextOperation.fromJSON([1]))).toThrow(/revision/);
    expect(() => c.applyServer(1, TextOperation.fromJSON([5]))).toThrow();
    expect(c.revision).toBe(0);
    expect(c.state.name).toBe('AwaitingConfirm');
  });

  it('calls the resync hook and can be reset', () => {
    const errors: Error[] = [];
    const c = new Client(0, {
      sendOperation: () => {},
      applyOperation: () => {},
      onResync: (e) => errors.push(e),
    });
    c.applyClient(TextOperation.fromJSON([1, 'x']));
    c.applyClient(TextOperation.fromJSON([2, 'y']));
    c.applyServer(7, TextOperation.fromJSON([1]));
    expect(errors).toHaveLength(1);
    const pending = c.reset(7);
    expect(pending?.toJSON()).toEqual([1, 'xy']);
    expect(c.state.name).toBe('Synchronized');
    expect(c.revision).toBe(7);
  });
});

// A simulated server with history and several clients over in-order links with random
// latency; time is simulated, so there are no sleeps and each seed replays exactly.
function simulate(seed: number, nClients: number, steps: number): void {
  const r = rng(seed);
  type Event = { at: number; seq: number; run: () => void };
  let queue: Event[] = [];
  let now = 0;
  let seq = 0;
  const deliver = (link: { last: number }, run: () => void): void => {
    const at = Math.max(now + 1 + r(20), link.last);
    link.last = at;
    queue.push({ at, seq: seq++, run });
    queue.sort((x, y) => x.at - y.at || x.seq - y.seq);
  };

  let serverDoc = 'Alueellinen strategia 😀 ';
  const history: TextOperation[] = [];
  type Sim = { doc: string; client: Client; up: { last: number }; down: { last: number } };
  const clients: Sim[] = [];

  const receive = (from: Sim, revision: number, operation: TextOperation): void => {
    let o = operation;
    for (const h of history.slice(revision)) o = TextOperation.transform(o, h)[0];
    serverDoc = o.apply(serverDoc);
    history.push(o);
    const rev = history.length;
    for (const c of clients) {
      if (c === from) deliver(c.down, () => c.client.serverAck(rev));
      else deliver(c.down, () => c.client.applyServer(rev, o));
    }
  };

  for (let i = 0; i < nClients; i++) {
    const sim: Sim = { doc: serverDoc, client: undefined as unknown as Client, up: { last: 0 }, down: { last: 0 } };
    sim.client = new Client(0, {
      sendOperation: (rev, o) => deliver(sim.up, () => receive(sim, rev, o)),
      applyOperation: (o) => {
        sim.doc = o.apply(sim.doc);
      },
    });
    clients.push(sim);
  }

  let buffered = 0;
  for (let step = 0; step < steps; step++) {
    now += r(4);
    while (queue.length > 0 && queue[0].at <= now) queue.shift()!.run();
    const c = clients[r(nClients)];
    const o = randOp(r, c.doc);
    if (o.isNoop()) continue;
    if (c.client.state.name === 'AwaitingWithBuffer') buffered++;
    c.doc = o.apply(c.doc);
    c.client.applyClient(o);
  }
  while (queue.length > 0) {
    const e = queue.shift()!;
    now = e.at;
    e.run();
  }
  queue = [];

  expect(history.length).toBeGreaterThan(20);
  expect(buffered).toBeGreaterThan(0);
  for (const c of clients) {
    expect(c.client.state.name).toBe('Synchronized');
    expect(c.client.revision).toBe(history.length);
    expect(c.doc).toBe(serverDoc);
  }
}

describe('simulated co-editing', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('seed %i: all clients converge on the server document', (seed) => {
    simulate(seed, 2 + (seed % 5), 300);
  });
});

describe('properties', () => {
  it('transform converges and compose matches sequential apply (seeded)', () => {
    const r = rng(42);
    for (let i = 0; i < 2000; i++) {
      const doc = randText(r, 30);
      const a = randOp(r, doc);
      const b = randOp(r, doc);
      const [aP, bP] = TextOperation.transform(a, b);
      expect(bP.apply(a.apply(doc))).toBe(aP.apply(b.apply(doc)));
      const c = randOp(r, a.apply(doc));
      expect(a.compose(c).apply(doc)).toBe(c.apply(a.apply(doc)));
      expect(a.invert(doc).apply(a.apply(doc))).toBe(doc);
    }
  });
});
