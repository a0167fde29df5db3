// Connection: the websocket side of a LiveDocument (shared/coedit/PROTOCOL.md). It opens the
// socket with the subprotocols `elo.v1, bearer.<access token>`, joins with the last revision,
// reconnects with exponential backoff (reset after each successful join), refreshes the access
// token when the server closes with 4001, and fetches a fresh copy when the store must
// resynchronise. Pending edits live in the store, so they survive reconnects. When the browser
// says it went offline the socket is closed at once (a dead TCP connection can look open for
// minutes) and nothing is tried until it says it is online again; then it reconnects at once.
import type { LiveDocument, ServerMessage } from './liveDocument';
import type { Nodes } from './model';

export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface ConnectionOptions {
  url: string;
  /** The current access token (null when none). */
  getToken: () => string | null;
  /** Get a fresh access token (e.g. POST /auth/refresh); null when signed out. */
  refreshToken: () => Promise<string | null>;
  /** GET the document: a fresh copy for resynchronising; also refreshes an expired token. */
  loadDocument: () => Promise<{ nodes: Nodes; revision: number }>;
  /** Tells whether an error from loadDocument means access is gone (403/404). */
  isForbidden?: (err: unknown) => boolean;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  /** Where the browser's online and offline events come from (window; tests pass their own). */
  network?: Network | null;
  minDelay?: number;
  maxDelay?: number;
  random?: () => number;
}

const OPEN = 1;

/** The browser's network state: window, with navigator.onLine. */
export interface Network {
  onLine(): boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

function browserNetwork(): Network | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    onLine: () => navigator.onLine !== false,
    addEventListener: (type, l) => window.addEventListener(type, l),
    removeEventListener: (type, l) => window.removeEventListener(type, l),
  };
}

export const CLOSE_UNAUTHENTICATED = 4001;
export const CLOSE_FORBIDDEN = 4003;

/** The websocket address of a document's live socket, relative to the page. */
export function socketUrl(documentId: string, loc: { protocol: string; host: string } = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/api/v1/documents/${encodeURIComponent(documentId)}/socket`;
}

export class Connection {
  private socket: SocketLike | null = null;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly opts: Required<Omit<ConnectionOptions, 'isForbidden' | 'network'>> & Pick<ConnectionOptions, 'isForbidden'>;
  private readonly network: Network | null;
  private offline = false;

  constructor(
    private readonly store: LiveDocument,
    options: ConnectionOptions,
  ) {
    this.opts = {
      createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      minDelay: 500,
      maxDelay: 30_000,
      random: Math.random,
      ...options,
    };
    this.network = options.network === undefined ? browserNetwork() : options.network;
    store.onReady = () => {
      this.attempt = 0;
    };
    store.onResync = () => void this.resync();
  }

  start(): void {
    this.stopped = false;
    if (this.network) {
      this.network.addEventListener('offline', this.wentOffline);
      this.network.addEventListener('online', this.cameOnline);
      if (!this.network.onLine()) {
        this.wentOffline();
        return;
      }
    }
    void this.open();
  }

  /** The browser lost its network: close the socket now and wait for it to come back. */
  private readonly wentOffline = (): void => {
    if (this.stopped) return;
    this.offline = true;
    this.store.setOffline(true);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close(1000, 'offline');
      this.store.detach();
    }
  };

  /** The network is back: reconnect at once. */
  private readonly cameOnline = (): void => {
    if (this.stopped) return;
    this.offline = false;
    this.store.setOffline(false);
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.open();
  };

  stop(): void {
    this.stopped = true;
    this.network?.removeEventListener('offline', this.wentOffline);
    this.network?.removeEventListener('online', this.cameOnline);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close(1000, 'leaving');
    }
    this.store.detach();
  }

  private async open(): Promise<void> {
    if (this.stopped || this.socket || this.offline) return;
    let token = this.opts.getToken();
    if (!token) token = await this.opts.refreshToken();
    if (this.stopped || this.offline || this.socket) return;
    if (!token) {
      this.schedule();
      return;
    }
    let socket: SocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url, ['elo.v1', `bearer.${token}`]);
    } catch {
      this.schedule();
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.store.attach({
        send: (msg) => {
          if (socket.readyState === OPEN) socket.send(JSON.stringify(msg));
        },
      });
    };
    socket.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let msg: ServerMessage | ServerMessage[];
      try {
        msg = JSON.parse(ev.data) as ServerMessage | ServerMessage[];
      } catch {
        return;
      }
      this.store.receive(msg);
    };
    socket.onerror = () => {
      // onclose follows
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.store.detach();
      if (this.stopped) return;
      void this.afterClose(ev.code, opened);
    };
  }

  private async afterClose(code: number, opened: boolean): Promise<void> {
    if (code === CLOSE_FORBIDDEN) {
      this.store.setForbidden();
      return;
    }
    if (code === CLOSE_UNAUTHENTICATED) {
      const token = await this.opts.refreshToken();
      if (this.stopped) return;
      if (token) {
        void this.open();
        return;
      }
    } else if (!opened) {
      // Refused before the upgrade (browsers do not tell why): an ordinary request tells us
      // whether the token expired (the API client then refreshes it) or access is gone.
      try {
        await this.opts.loadDocument();
      } catch (err) {
        if (this.opts.isForbidden?.(err)) {
          this.store.setForbidden();
          return;
        }
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.offline) return;
    const base = Math.min(this.opts.maxDelay, this.opts.minDelay * 2 ** this.attempt);
    const delay = base / 2 + this.opts.random() * (base / 2);
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.open();
    }, delay);
  }

  /** Fetch a fresh copy and rejoin with it. */
  private async resync(): Promise<void> {
    try {
      const doc = await this.opts.loadDocument();
      if (this.stopped) return;
      this.store.reset(doc.nodes, doc.revision);
    } catch (err) {
      if (this.opts.isForbidden?.(err)) {
        this.store.setForbidden();
        this.stop();
        return;
      }
      // Try again through a fresh connection.
      const s = this.socket;
      if (s) s.close(4000, 'resync failed');
    }
  }
}
