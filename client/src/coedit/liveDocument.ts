// LiveDocument: the client's copy of a co-edited document and the ot.js client pattern
// generalised to lists of operations (shared/coedit/PROTOCOL.md).
//
// The local copy always shows everything the user did: the server's state, then the change in
// flight (sent, not yet acknowledged), then the buffer (local operations not yet sent). At most
// one change is in flight; it is acknowledged implicitly when the server's change with its id
// arrives. Changes from others are transformed past the pending local operations before they
// are applied, with the same rules as the server (server/plans/transform.go):
//   - text vs text on one node and field: TextOperation.transform(local, remote), so at a tie the
//     local (pending) text goes first, as the server puts the incoming change first;
//   - an incoming set on a field with a pending local set is dropped (ours lands after it);
//   - incoming operations on nodes we deleted locally are ignored, and a move into a node we
//     deleted deletes the moved node too;
//   - local operations on nodes an incoming delete removed are dropped.
// When the copy cannot follow the server any more (a revision gap, a refused change, an
// operation dropped for a conflict) it asks its connection to resynchronise.
import { TextOperation } from '../ot/textOperation';
import { applyOp, ApplyError, children, MAX_OPS_PER_CHANGE, opTarget, randomId, subtree, type DocNode, type Nodes, type Op } from './model';

export type ConnectionState = 'connecting' | 'saved' | 'saving' | 'offline' | 'reconnecting' | 'forbidden';

export interface ServerChange {
  rev: number;
  by?: string;
  id?: string;
  at?: string;
  ops: Op[];
  dropped?: { node: string; reason: string }[];
}

export interface PresenceUser {
  user: string;
  name: string;
  color: string;
  node?: string;
  field?: string;
  sel?: [number, number];
}

export type ServerMessage =
  | { type: 'hello'; you: string; canEdit: boolean; rev: number }
  | { type: 'snapshot'; rev: number; doc: { nodes: Nodes; revision?: number } }
  | { type: 'changes'; changes: ServerChange[] }
  | { type: 'presence'; users: PresenceUser[] }
  | { type: 'error'; id?: string; code: string; message?: string }
  | CommentsNews;

/** A `comments` message (its fields: client/src/comments/api.ts, CommentsMessage). */
export type CommentsNews = { type: 'comments' } & Record<string, unknown>;

/** Hears the `comments` messages; null after each hello: they are not replayed, so reload. */
export type CommentsListener = (msg: CommentsNews | null) => void;

export type ClientMessage =
  | { type: 'join'; rev: number }
  | { type: 'change'; rev: number; id: string; ops: Op[] }
  | { type: 'presence'; node: string; field: string; sel: [number, number] };

export interface Transport {
  send(msg: ClientMessage): void;
}

/**
 * Why some of this editor's own work did not land: an item it was editing was deleted by
 * someone else meanwhile (by: their user id, when known), or a concurrent change made an edit
 * impossible (conflict: the copy was resynchronised). `seq` grows with each notice.
 */
export interface EditNotice {
  kind: 'deleted' | 'conflict';
  by?: string;
  seq: number;
}

/** A remote text operation applied to a field, for editors to move their caret. */
export type TextListener = (node: string, field: string, op: TextOperation | null) => void;

interface InFlight {
  id: string;
  ops: Op[];
}

function wire(op: Op): Op {
  // `removed` is the server's; the local copy keeps it on pending deletes only.
  if (op.t === 'delete') return { t: 'delete', node: op.node };
  return op;
}

export class LiveDocument {
  readonly id: string;
  nodes: Nodes;
  rev: number;
  /** The server's user id and permission, from hello. */
  you: string | null = null;
  canEdit: boolean;
  presence: PresenceUser[] = [];
  /** The latest notice about this editor's own work that did not land (see EditNotice). */
  notice: EditNotice | null = null;
  /** Last error the server reported (for diagnostics). */
  lastError: { code: string; message?: string } | null = null;

  private inflight: InFlight | null = null;
  private buffer: Op[] = [];
  private transport: Transport | null = null;
  private ready = false;
  private everReady = false;
  private helloRev: number | null = null;
  private forbidden = false;
  private browserOffline = false;
  private diverged = false;
  private resyncing = false;
  private acked = new Set<string>();
  private readonly prefix = randomId(8);
  private seq = 0;
  private version = 0;
  private listeners = new Set<() => void>();
  private textListeners = new Set<TextListener>();
  private commentListeners = new Set<CommentsListener>();
  private childCache = new Map<string, DocNode[]>();
  private stableChildren = new Map<string, DocNode[]>();
  private presenceOut: ClientMessage | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceLast = 0;

  /** Called when the copy must be replaced by a fresh one from the server (see Connection). */
  onResync: (() => void) | null = null;
  /** Called after each successful join (the connection resets its backoff). */
  onReady: (() => void) | null = null;
  /** Milliseconds between presence messages. */
  presenceInterval = 250;

  constructor(id: string, nodes: Nodes, rev: number, canEdit = true) {
    this.id = id;
    this.nodes = { ...nodes };
    this.rev = rev;
    this.canEdit = canEdit;
  }

  // ---- reading, for React ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  onComments(listener: CommentsListener): () => void {
    this.commentListeners.add(listener);
    return () => this.commentListeners.delete(listener);
  }

  onText(listener: TextListener): () => void {
    this.textListeners.add(listener);
    return () => this.textListeners.delete(listener);
  }

  get root(): DocNode | undefined {
    return this.nodes[this.id];
  }

  node(id: string): DocNode | undefined {
    return this.nodes[id];
  }

  text(node: string, field: string): string {
    return this.nodes[node]?.text?.[field] ?? '';
  }

  /**
   * The children of parent in list, in order. The same array (by identity) as long as the
   * children are the same node objects in the same order, so React can skip unchanged lists.
   */
  children(parent: string, list: string): DocNode[] {
    const key = `${parent}\u0000${list}`;
    let c = this.childCache.get(key);
    if (!c) {
      const fresh = children(this.nodes, parent, list);
      const prev = this.stableChildren.get(key);
      c = prev && prev.length === fresh.length && prev.every((n, i) => n === fresh[i]) ? prev : fresh;
      this.stableChildren.set(key, c);
      this.childCache.set(key, c);
    }
    return c;
  }

  /** True while local changes wait for the server. */
  get pending(): boolean {
    return this.inflight !== null || this.buffer.length > 0;
  }

  get state(): ConnectionState {
    if (this.forbidden) return 'forbidden';
    if (this.browserOffline) return 'offline';
    if (!this.transport || !this.ready) {
      if (!this.everReady) return 'connecting';
      return this.pending ? 'offline' : 'reconnecting';
    }
    return this.pending ? 'saving' : 'saved';
  }

  /** Others' presence (without this user). */
  get others(): PresenceUser[] {
    return this.presence.filter((p) => p.user !== this.you);
  }

  // ---- local edits ----

  /** Applies local operations and queues them for the server. Returns false if they did not fit. */
  edit(ops: Op[]): boolean {
    if (!this.canEdit || ops.length === 0) return false;
    const trial = { ...this.nodes };
    const applied: Op[] = [];
    try {
      for (const op of ops) {
        const removed = applyOp(trial, op);
        applied.push(op.t === 'delete' ? { ...op, removed } : op);
      }
    } catch (e) {
      if (e instanceof ApplyError) return false;
      throw e;
    }
    this.nodes = trial;
    for (const op of applied) this.pushBuffer(op);
    this.changed();
    this.flush();
    return true;
  }

  /** Records a text edit of one field (op already computed against the current value). */
  editText(node: string, field: string, op: TextOperation): boolean {
    if (op.isNoop()) return true;
    return this.edit([{ t: 'text', node, field, op: op.toJSON() }]);
  }

  private pushBuffer(op: Op): void {
    const last = this.buffer[this.buffer.length - 1];
    if (last && op.t === 'text' && last.t === 'text' && last.node === op.node && last.field === op.field) {
      const composed = TextOperation.fromJSON(last.op).compose(TextOperation.fromJSON(op.op));
      this.buffer[this.buffer.length - 1] = { ...last, op: composed.toJSON() };
      return;
    }
    if (last && op.t === 'set' && last.t === 'set' && last.node === op.node && last.field === op.field) {
      this.buffer[this.buffer.length - 1] = op;
      return;
    }
    this.buffer.push(op);
  }

  /** Sends the buffer as the next change when nothing is in flight and the server listens. */
  private flush(): void {
    if (!this.transport || !this.ready || this.inflight || this.buffer.length === 0 || this.resyncing) return;
    const ops = this.buffer.splice(0, MAX_OPS_PER_CHANGE);
    this.inflight = { id: `c-${this.prefix}-${++this.seq}`, ops };
    this.sendChange();
    this.changed();
  }

  private sendChange(): void {
    if (!this.inflight || !this.transport) return;
    this.transport.send({ type: 'change', rev: this.rev, id: this.inflight.id, ops: this.inflight.ops.map(wire) });
  }

  // ---- presence ----

  /** Where this user is (throttled). node '' means nowhere. */
  setPresence(node: string, field: string, sel: [number, number] = [0, 0]): void {
    this.presenceOut = { type: 'presence', node, field, sel };
    if (this.presenceTimer) return;
    const wait = Math.max(0, this.presenceLast + this.presenceInterval - Date.now());
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.sendPresence();
    }, wait);
  }

  private sendPresence(): void {
    if (!this.presenceOut || !this.transport || !this.ready) return;
    this.presenceLast = Date.now();
    this.transport.send(this.presenceOut);
  }

  // ---- connection ----

  /** A socket opened: join with the revision we have. */
  attach(transport: Transport): void {
    this.transport = transport;
    this.ready = false;
    this.helloRev = null;
    transport.send({ type: 'join', rev: this.rev });
    this.changed();
  }

  /** The socket closed; pending edits are kept. */
  detach(): void {
    this.transport = null;
    this.ready = false;
    this.helloRev = null;
    this.resyncing = false;
    this.presence = [];
    this.changed();
  }

  /** The browser says it is offline (or online again): the state says so, pending work is kept. */
  setOffline(offline: boolean): void {
    if (this.browserOffline === offline) return;
    this.browserOffline = offline;
    this.changed();
  }

  /** Access refused (4003): stop trying. */
  setForbidden(): void {
    this.forbidden = true;
    this.changed();
  }

  /** Rejoin on the open socket (after a gap). */
  private rejoin(): void {
    if (!this.transport) return;
    this.ready = false;
    this.helloRev = null;
    this.transport.send({ type: 'join', rev: this.rev });
  }

  /** Replace the copy by a fresh one from the server and rejoin (the connection calls reset). */
  private resync(): void {
    if (this.resyncing) return;
    this.resyncing = true;
    this.ready = false;
    this.changed();
    if (this.onResync) this.onResync();
  }

  /**
   * Replaces the copy with the server's document at rev. The change in flight is forgotten
   * (it was refused, or we cannot tell); buffered operations that still fit are kept.
   */
  reset(nodes: Nodes, rev: number): void {
    const fresh = { ...nodes };
    const kept: Op[] = [];
    for (const op of this.buffer) {
      try {
        const removed = applyOp(fresh, op);
        kept.push(op.t === 'delete' ? { ...op, removed } : op);
      } catch {
        // no longer fits: dropped
      }
    }
    this.nodes = fresh;
    this.rev = rev;
    this.inflight = null;
    this.buffer = kept;
    this.diverged = false;
    this.resyncing = false;
    this.emitText('', '', null);
    this.changed();
    if (this.transport) this.rejoin();
  }

  /** One message (or a frame's array of messages) from the server. */
  receive(msg: ServerMessage | ServerMessage[]): void {
    if (Array.isArray(msg)) {
      for (const m of msg) this.receive(m);
      return;
    }
    switch (msg.type) {
      case 'hello':
        this.you = msg.you;
        this.canEdit = msg.canEdit;
        this.helloRev = msg.rev;
        if (msg.rev <= this.rev) this.markReady();
        this.changed();
        for (const l of this.commentListeners) l(null);
        break;
      case 'comments':
        for (const l of this.commentListeners) l(msg);
        break;
      case 'snapshot':
        this.receiveSnapshot(msg.rev, msg.doc.nodes);
        break;
      case 'changes':
        this.receiveChanges(msg.changes);
        break;
      case 'presence':
        this.presence = msg.users ?? [];
        this.changed();
        break;
      case 'error':
        this.lastError = { code: msg.code, message: msg.message };
        if (msg.id && this.inflight && msg.id === this.inflight.id) {
          this.inflight = null;
          this.resync();
        } else if (msg.code === 'version_conflict') {
          this.resync();
        }
        this.changed();
        break;
    }
  }

  private receiveSnapshot(rev: number, nodes: Nodes): void {
    if (this.resyncing) return; // a fresh copy is on its way
    if (rev === this.rev && !this.diverged) {
      // Nothing new: keep our pending work exactly as it is.
      this.markReady();
      return;
    }
    const buffer = this.buffer;
    // The change in flight may or may not be in the snapshot; we cannot tell, so it is dropped.
    this.inflight = null;
    this.buffer = buffer;
    const wasTransport = this.transport;
    this.transport = null; // reset() must not rejoin: we are joining now
    this.reset(nodes, rev);
    this.transport = wasTransport;
    this.markReady();
  }

  private markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.everReady = true;
    if (this.onReady) this.onReady();
    // A change in flight that the replay did not acknowledge never reached the server: resend
    // it with the same id, transformed past what the replay brought.
    if (this.inflight) this.sendChange();
    else this.flush();
    this.sendPresence();
    this.changed();
  }

  private receiveChanges(changes: ServerChange[]): void {
    for (const ch of changes) {
      if (this.resyncing) return;
      if (ch.rev <= this.rev) continue;
      if (ch.rev !== this.rev + 1) {
        // A gap. Before the first replay after join this is a broadcast racing the replay.
        if (this.ready) this.rejoin();
        return;
      }
      this.applyServerChange(ch);
    }
    if (!this.ready && this.helloRev !== null && this.rev >= this.helloRev) this.markReady();
    if (this.diverged && !this.inflight) this.resync();
    this.changed();
  }

  private applyServerChange(ch: ServerChange): void {
    if (ch.id && this.inflight && ch.id === this.inflight.id) {
      // Our change, acknowledged.
      this.rev = ch.rev;
      this.acked.add(ch.id);
      this.inflight = null;
      for (const d of ch.dropped ?? []) {
        if (d.reason !== 'deleted' || this.nodes[d.node]) this.diverged = true;
        if (d.reason !== 'deleted') this.tell('conflict');
        else if (!this.toldDeleted.has(d.node)) this.tell('deleted');
      }
      this.toldDeleted.clear();
      if (this.diverged) this.resync();
      else this.flush();
      return;
    }
    // Someone else's change (or a duplicate of one of ours: apply it like anyone's).
    this.rev = ch.rev;
    this.remoteBy = ch.by;
    try {
      for (const op of ch.ops ?? []) this.applyRemote(op);
    } catch (e) {
      if (!(e instanceof ApplyError)) throw e;
      this.diverged = true;
    }
  }

  private remoteBy: string | undefined;
  /** Nodes whose deletion dropped pending work of ours, already told (the ack repeats it). */
  private toldDeleted = new Set<string>();

  private tell(kind: EditNotice['kind'], by?: string): void {
    this.notice = { kind, by, seq: (this.notice?.seq ?? 0) + 1 };
  }

  private pendingOps(): Op[] {
    return this.inflight ? [...this.inflight.ops, ...this.buffer] : this.buffer;
  }

  private localRemoved(): Set<string> {
    const s = new Set<string>();
    for (const op of this.pendingOps()) {
      if (op.t === 'delete') for (const id of op.removed ?? [op.node]) s.add(id);
    }
    return s;
  }

  /** Rewrites every pending local op with f (null drops it), in order. */
  private mapPending(f: (op: Op) => Op | null): void {
    const map = (ops: Op[]) => {
      const out: Op[] = [];
      for (const op of ops) {
        const r = f(op);
        if (r) out.push(r);
      }
      return out;
    };
    if (this.inflight) this.inflight = { ...this.inflight, ops: map(this.inflight.ops) };
    this.buffer = map(this.buffer);
  }

  private applyRemote(op: Op): void {
    const mine = this.localRemoved();
    switch (op.t) {
      case 'delete': {
        const gone = new Set<string>([...(op.removed ?? []), ...subtree(this.nodes, op.node)]);
        this.mapPending((l) => {
          const target = opTarget(l);
          if (l.t === 'insert' && l.node.parent && gone.has(l.node.parent)) {
            gone.add(target);
            return null;
          }
          if (l.t === 'move' && !gone.has(target) && gone.has(l.parent)) {
            // The server drops our move, so the node stays where it was; we moved it away.
            this.diverged = true;
            return null;
          }
          if (gone.has(target)) {
            if (!this.toldDeleted.has(target)) this.tell('deleted', this.remoteBy);
            this.toldDeleted.add(target);
            return null;
          }
          return l;
        });
        for (const id of gone) delete this.nodes[id];
        this.nodesChanged();
        return;
      }
      case 'insert':
        if (op.node.parent && mine.has(op.node.parent)) return;
        break;
      case 'move':
        if (mine.has(op.node)) {
          if (!mine.has(op.parent)) this.diverged = true; // moved out of what we deleted
          return;
        }
        if (mine.has(op.parent)) {
          // Moved under a node we deleted: our delete will take it on the server too.
          for (const id of subtree(this.nodes, op.node)) delete this.nodes[id];
          this.nodesChanged();
          return;
        }
        break;
      case 'set': {
        if (mine.has(op.node)) return;
        const clash = this.pendingOps().some((l) => l.t === 'set' && l.node === op.node && l.field === op.field);
        if (clash) return;
        break;
      }
      case 'text': {
        if (mine.has(op.node)) return;
        let r = TextOperation.fromJSON(op.op);
        this.mapPending((l) => {
          if (l.t !== 'text' || l.node !== op.node || l.field !== op.field) return l;
          let lt: TextOperation;
          try {
            [lt, r] = TextOperation.transform(TextOperation.fromJSON(l.op), r);
          } catch (e) {
            throw new ApplyError(String(e));
          }
          return { ...l, op: lt.toJSON() };
        });
        applyOp(this.nodes, { ...op, op: r.toJSON() });
        this.nodesChanged();
        this.emitText(op.node, op.field, r);
        return;
      }
    }
    applyOp(this.nodes, op);
    this.nodesChanged();
  }

  // ---- notifications ----

  private nodesChanged(): void {
    this.nodes = { ...this.nodes };
    this.childCache.clear();
  }

  private emitText(node: string, field: string, op: TextOperation | null): void {
    for (const l of this.textListeners) l(node, field, op);
  }

  private changed(): void {
    this.childCache.clear();
    this.version++;
    for (const l of this.listeners) l();
  }

  /** For tests and diagnostics. */
  debugState(): { rev: number; inflight: InFlight | null; buffer: Op[]; ready: boolean } {
    return { rev: this.rev, inflight: this.inflight, buffer: this.buffer, ready: this.ready };
  }
}
