// In-memory stand-ins for a websocket and the browser's network state, for the live sockets'
// tests (coedit/connection.test.ts, events/connection.test.ts, realtime/socket.test.ts).
import type { Network, SocketLike } from './socket';

export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  sent: unknown[] = [];
  closed: number | null = null;
  constructor(readonly protocols: string[] = []) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000): void {
    this.closed = code;
    this.readyState = 3;
  }
  /** The server accepts the upgrade. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** One frame from the server: msg as JSON text. */
  deliver(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  /** The server (or the network) closes the socket with code. */
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

export class FakeNetwork implements Network {
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
