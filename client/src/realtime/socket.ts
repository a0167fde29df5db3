// ReconnectingSocket: the part every live socket of the client shares (a document's socket,
// coedit/connection.ts, and the events socket, events/connection.ts; shared/coedit/PROTOCOL.md).
// It opens the socket with the subprotocols `elo.v1, bearer.<access token>`, reconnects with
// exponential backoff and jitter (the user resets it once the server greets), refreshes the
// access token when the server closes with 4001, asks an ordinary request (the probe) why a
// socket was refused before the upgrade (browsers do not say; the API client refreshes an
// expired token on the way), and closes at once when the browser says it went offline (a dead
// TCP connection can look open for minutes), trying nothing until it is online again; then it
// reconnects at once. What the messages mean is the user's: it gets them through the hooks.

export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** The browser's network state: window, with navigator.onLine (tests pass their own). */
export interface Network {
  onLine(): boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export const CLOSE_UNAUTHENTICATED = 4001;
const OPEN = 1;

/** How a socket is reached and retried: what both live sockets take from their callers. */
export interface SocketOptions {
  url: string;
  /** The current access token (null when none). */
  getToken: () => string | null;
  /** Get a fresh access token (e.g. POST /auth/refresh); null when signed out. */
  refreshToken: () => Promise<string | null>;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  /** Where the browser's online and offline events come from (window by default; null: none). */
  network?: Network | null;
  minDelay?: number;
  maxDelay?: number;
  random?: () => number;
}

/** What the user of a ReconnectingSocket does with it. */
export interface SocketHooks {
  /** The socket opened; send writes to this socket while it is open. */
  onOpen?: (send: (msg: unknown) => void) => void;
  /** A frame arrived, parsed from JSON (frames that are not JSON text are passed over). */
  onMessage: (msg: unknown) => void;
  /** The socket is gone (closed by the server, offline or stopped). */
  onDown?: () => void;
  /** The browser went offline (true) or came back (false). */
  onNetwork?: (offline: boolean) => void;
  /** The server closed with code: 'stop' ends the retrying (e.g. access refused). */
  onClose?: (code: number) => 'stop' | void;
  /** Refused before the upgrade: an ordinary request; 'stop' ends the retrying. */
  probe?: () => Promise<'stop' | void>;
}

function browserNetwork(): Network | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    onLine: () => navigator.onLine !== false,
    addEventListener: (type, l) => window.addEventListener(type, l),
    removeEventListener: (type, l) => window.removeEventListener(type, l),
  };
}

/** The address of an API socket (path below /api/v1) relative to the page. */
export function apiSocketUrl(path: string, loc: { protocol: string; host: string } = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/api/v1${path}`;
}

export class ReconnectingSocket {
  private socket: SocketLike | null = null;
  private stopped = true;
  private offline = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly opts: Required<Omit<SocketOptions, 'network'>>;
  private readonly network: Network | null;

  constructor(
    options: SocketOptions,
    private readonly hooks: SocketHooks,
  ) {
    this.opts = {
      createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      minDelay: 500,
      maxDelay: 30_000,
      random: Math.random,
      ...options,
    };
    this.network = options.network === undefined ? browserNetwork() : options.network;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
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

  stop(): void {
    this.stopped = true;
    this.network?.removeEventListener('offline', this.wentOffline);
    this.network?.removeEventListener('online', this.cameOnline);
    this.drop('leaving');
  }

  /** The server greeted: the next wait after a close starts from the shortest again. */
  resetBackoff(): void {
    this.attempt = 0;
  }

  /** Send on the current socket if it is open; tells whether it was. */
  send(msg: unknown): boolean {
    const s = this.socket;
    if (!s || s.readyState !== OPEN) return false;
    s.send(JSON.stringify(msg));
    return true;
  }

  /** Close the current socket as if the server had (a reconnect follows). */
  close(code: number, reason: string): void {
    this.socket?.close(code, reason);
  }

  private drop(reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close(1000, reason);
      this.hooks.onDown?.();
    }
  }

  /** The browser lost its network: close the socket now and wait for it to come back. */
  private readonly wentOffline = (): void => {
    if (this.stopped) return;
    this.offline = true;
    this.hooks.onNetwork?.(true);
    this.drop('offline');
  };

  /** The network is back: reconnect at once. */
  private readonly cameOnline = (): void => {
    if (this.stopped) return;
    this.offline = false;
    this.hooks.onNetwork?.(false);
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.open();
  };

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
      this.hooks.onOpen?.((msg) => {
        if (socket.readyState === OPEN) socket.send(JSON.stringify(msg));
      });
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket || typeof ev.data !== 'string') return;
      let msg: unknown;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      this.hooks.onMessage(msg);
    };
    socket.onerror = () => {
      // onclose follows
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.hooks.onDown?.();
      if (this.stopped) return;
      void this.afterClose(ev.code, opened);
    };
  }

  private async afterClose(code: number, opened: boolean): Promise<void> {
    if (this.hooks.onClose?.(code) === 'stop') return;
    if (code === CLOSE_UNAUTHENTICATED) {
      const token = await this.opts.refreshToken();
      if (this.stopped) return;
      if (token) {
        void this.open();
        return;
      }
    } else if (!opened && this.hooks.probe) {
      if ((await this.hooks.probe()) === 'stop') return;
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
}
