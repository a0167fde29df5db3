// The ot.js client state machine (lib/client.js of ot.js), as the server's Go ot.Client.
//
// The client keeps at most one operation in flight. Local edits made while it waits are
// composed into a buffer, sent when the server acknowledges the operation in flight.
// Operations from other authors are transformed against the pending ones before they are
// applied locally. The pending operations are the first argument of every transform, as
// the server's are when it transforms an incoming operation over its history, so both
// sides break ties the same way.
//
// Revisions count operations accepted by the server. `revision` is the server revision the
// local state is based on; a server operation or an acknowledgement carries the revision it
// created, which must be revision + 1.

import { OTError, TextOperation } from './textOperation';

export type ClientState =
  | { readonly name: 'Synchronized' }
  | { readonly name: 'AwaitingConfirm'; readonly outstanding: TextOperation }
  | { readonly name: 'AwaitingWithBuffer'; readonly outstanding: TextOperation; readonly buffer: TextOperation };

export interface ClientCallbacks {
  /** Send an operation, based on the given revision, to the server. */
  sendOperation(revision: number, operation: TextOperation): void;
  /** Apply an operation from the server (already transformed) to the local document. */
  applyOperation(operation: TextOperation): void;
  /**
   * Resync hook: called instead of throwing when the client can no longer follow the server
   * (a revision gap, an operation that does not fit). The client is left unchanged; the
   * application should load the current document and revision and call `reset`.
   */
  onResync?(error: Error): void;
}

const synchronized: ClientState = { name: 'Synchronized' };

export class Client {
  private current: ClientState = synchronized;

  constructor(
    private rev: number,
    private readonly callbacks: ClientCallbacks,
  ) {}

  /** The server revision the local state is based on. */
  get revision(): number {
    return this.rev;
  }

  get state(): ClientState {
    return this.current;
  }

  /** Records a local edit, already applied to the local document. */
  applyClient(operation: TextOperation): void {
    this.guard(() => {
      const s = this.current;
      switch (s.name) {
        case 'Synchronized':
          this.callbacks.sendOperation(this.rev, operation);
          this.current = { name: 'AwaitingConfirm', outstanding: operation };
          break;
        case 'AwaitingConfirm':
          if (operation.baseLength !== s.outstanding.targetLength) {
            throw new OTError('base_length', 'local edit does not fit the local document');
          }
          this.current = { name: 'AwaitingWithBuffer', outstanding: s.outstanding, buffer: operation };
          break;
        case 'AwaitingWithBuffer':
          this.current = { ...s, buffer: s.buffer.compose(operation) };
          break;
      }
    });
  }

  /** Handles another author's operation, accepted by the server as `revision`. */
  applyServer(revision: number, operation: TextOperation): void {
    this.guard(() => {
      this.checkRevision(revision);
      const s = this.current;
      switch (s.name) {
        case 'Synchronized':
          this.callbacks.applyOperation(operation);
          break;
        case 'AwaitingConfirm': {
          const [outstanding, op] = TextOperation.transform(s.outstanding, operation);
          this.current = { name: 'AwaitingConfirm', outstanding };
          this.callbacks.applyOperation(op);
          break;
        }
        case 'AwaitingWithBuffer': {
          const [outstanding, op1] = TextOperation.transform(s.outstanding, operation);
          const [buffer, op2] = TextOperation.transform(s.buffer, op1);
          this.current = { name: 'AwaitingWithBuffer', outstanding, buffer };
          this.callbacks.applyOperation(op2);
          break;
        }
      }
      this.rev = revision;
    });
  }

  /** Handles the acknowledgement of the operation in flight, accepted as `revision`. */
  serverAck(revision: number): void {
    this.guard(() => {
      const s = this.current;
      if (s.name === 'Synchronized') throw new Error('acknowledgement with nothing in flight');
      this.checkRevision(revision);
      this.rev = revision;
      if (s.name === 'AwaitingConfirm') {
        this.current = synchronized;
      } else {
        this.current = { name: 'AwaitingConfirm', outstanding: s.buffer };
        this.callbacks.sendOperation(this.rev, s.buffer);
      }
    });
  }

  /** After a reconnection: sends the operation in flight again. */
  serverReconnect(): void {
    const s = this.current;
    if (s.name !== 'Synchronized') this.callbacks.sendOperation(this.rev, s.outstanding);
  }

  /**
   * Starts again from a fresh server state (after a resync). Returns the local changes that
   * had not been acknowledged (in flight and buffered, composed), or null, so the
   * application can tell the author or re-apply them to the new document.
   */
  reset(revision: number): TextOperation | null {
    const s = this.current;
    this.current = synchronized;
    this.rev = revision;
    if (s.name === 'AwaitingConfirm') return s.outstanding;
    if (s.name === 'AwaitingWithBuffer') return s.outstanding.compose(s.buffer);
    return null;
  }

  private checkRevision(revision: number): void {
    if (revision !== this.rev + 1) {
      throw new Error(`unexpected revision ${revision}, expected ${this.rev + 1}`);
    }
  }

  // Runs f; on failure calls the resync hook (or rethrows without one). State is only
  // replaced at the end of each handler, so a failure leaves the client unchanged.
  private guard(f: () => void): void {
    const saved = { state: this.current, rev: this.rev };
    try {
      f();
    } catch (e) {
      this.current = saved.state;
      this.rev = saved.rev;
      const err = e instanceof Error ? e : new Error(String(e));
      if (this.callbacks.onResync) this.callbacks.onResync(err);
      else throw err;
    }
  }
}
