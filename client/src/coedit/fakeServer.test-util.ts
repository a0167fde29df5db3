// A small in-memory server with the rules of server/plans (TransformChange, Apply) and the
// room protocol, for the store's tests. Messages are queued per direction so a test decides
// when each is delivered.
import { TextOperation } from '../ot/textOperation';
import { LiveDocument, type ClientMessage, type ServerChange, type ServerMessage } from './liveDocument';
import { applyOp, opTarget, type Nodes, type Op } from './model';

export const DOC = 'doc1';

export function baseNodes(): Nodes {
  return {
    [DOC]: { id: DOC, type: 'action_plan', fields: {} },
    g1: { id: 'g1', type: 'goal', parent: DOC, list: 'goals', pos: 'a0', text: { title: 'Tavoite' }, fields: {} },
    a1: { id: 'a1', type: 'action', parent: 'g1', list: 'actions', pos: 'a0', text: { title: 'Toimi' }, fields: { status: 'planned' } },
  };
}

export class FakeClient {
  store: LiveDocument;
  toServer: ClientMessage[] = [];
  toClient: ServerMessage[][] = [];
  connected = false;

  constructor(
    readonly server: FakeServer,
    readonly user: string,
  ) {
    this.store = new LiveDocument(DOC, structuredClone(server.initial), server.initialRev);
    this.store.presenceInterval = 0;
  }

  connect(): void {
    this.connected = true;
    this.server.clients.add(this);
    this.store.attach({ send: (m) => this.toServer.push(m) });
  }

  disconnect(): void {
    this.connected = false;
    this.server.clients.delete(this);
    this.toServer = [];
    this.toClient = [];
    this.store.detach();
  }

  /** Delivers n (default all) queued messages to the server. */
  up(n = Infinity): void {
    while (n-- > 0 && this.toServer.length) this.server.receive(this, this.toServer.shift()!);
  }

  /** Delivers n (default all) queued frames to the client. */
  down(n = Infinity): void {
    while (n-- > 0 && this.toClient.length) this.store.receive(this.toClient.shift()!);
  }
}

export class FakeServer {
  nodes: Nodes;
  rev: number;
  log: ServerChange[] = [];
  clients = new Set<FakeClient>();
  readonly initial: Nodes;
  readonly initialRev: number;

  constructor(nodes: Nodes = baseNodes(), rev = 0) {
    this.initial = structuredClone(nodes);
    this.nodes = structuredClone(nodes);
    this.rev = rev;
    this.initialRev = rev;
  }

  receive(c: FakeClient, msg: ClientMessage): void {
    if (msg.type === 'join') {
      const replay = this.log.filter((ch) => ch.rev > msg.rev);
      const frame: ServerMessage[] = [{ type: 'hello', you: c.user, canEdit: true, rev: this.rev }];
      if (replay.length) frame.push({ type: 'changes', changes: structuredClone(replay) });
      c.toClient.push(frame);
      return;
    }
    if (msg.type !== 'change') return;
    const since = this.log.filter((ch) => ch.rev > msg.rev).flatMap((ch) => ch.ops);
    const { kept, dropped } = transformChange(structuredClone(msg.ops), since);
    const trial = structuredClone(this.nodes);
    const applied: Op[] = [];
    try {
      for (const op of kept) {
        const removed = applyOp(trial, op);
        applied.push(op.t === 'delete' ? { ...op, removed } : op);
      }
    } catch (e) {
      c.toClient.push([{ type: 'error', id: msg.id, code: 'invalid_field', message: String(e) }]);
      return;
    }
    this.nodes = trial;
    const ch: ServerChange = { rev: ++this.rev, by: c.user, id: msg.id, ops: applied };
    if (dropped.length) ch.dropped = dropped.map((node) => ({ node, reason: 'deleted' }));
    this.log.push(ch);
    for (const other of this.clients) other.toClient.push([{ type: 'changes', changes: [structuredClone(ch)] }]);
  }
}

function droppedBy(op: Op, gone: Set<string>): boolean {
  if (op.t === 'insert') return !!op.node.parent && gone.has(op.node.parent);
  if (op.t === 'move') return gone.has(op.node) || gone.has(op.parent);
  return gone.has(op.node);
}

/** server/plans TransformChange. */
export function transformChange(ops: Op[], since: Op[]): { kept: Op[]; dropped: string[] } {
  const gone = new Set<string>();
  for (const a of since) if (a.t === 'delete') for (const id of a.removed ?? []) gone.add(id);
  const against = [...since];
  const kept: Op[] = [];
  const dropped: string[] = [];
  for (let op of ops) {
    if (droppedBy(op, gone)) {
      if (op.t === 'insert') gone.add(op.node.id);
      if (!dropped.includes(opTarget(op))) dropped.push(opTarget(op));
      continue;
    }
    for (let j = 0; j < against.length; j++) {
      const a = against[j];
      if (op.t === 'text' && a.t === 'text' && op.node === a.node && op.field === a.field) {
        const [x, y] = TextOperation.transform(TextOperation.fromJSON(op.op), TextOperation.fromJSON(a.op));
        op = { ...op, op: x.toJSON() };
        against[j] = { ...a, op: y.toJSON() };
      }
    }
    kept.push(op);
  }
  return { kept, dropped };
}
