// EventsConnection: the one events socket of a browser tab (shared/coedit/PROTOCOL.md, "Events
// socket"). Components listen to (topic, kind) pairs; the connection subscribes to each topic
// while someone listens to it (the person's own user:<id> topic is always heard), resubscribes
// after every reconnect, reconnects with exponential backoff, refreshes the access token when the
// server closes with 4001, and closes at once when the browser goes offline (reconnecting when it
// is back). Events are hints: after each (re)connection listeners of `ready` refetch what they show.
import type { SocketLike } from '../coedit/connection';

/** The browser's network state: window, with navigator.onLine (tests pass their own). */
export interface Network {
  onLine(): boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export const CLOSE_UNAUTHENTICATED = 4001;
const OPEN = 1;

export interface EventMessage {
  type: 'event';
  topic: string;
  kind: string;
  data?: unknown;
}

type ServerMessage =
  | { type: 'ready'; you: string; topics: string[] }
  | { type: 'subscribed' | 'unsubscribed'; topics: string[] }
  | { type: 'error'; code: string; message?: string; topic?: string }
  | EventMessage;

export type EventHandler = (data: unknown, event: EventMessage) => void;

export interface EventsOptions {
  url: string;
  getToken: () => string | null;
  /** Get a fresh access token; null when signed out. */
  refreshToken: () => Promise<string | null>;
  /** An ordinary request that refreshes an expired token (the socket refused before the upgrade). */
  probe?: () => Promise<unknown>;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  network?: Network | null;
  minDelay?: number;
  maxDelay?: number;
  random?: () => number;
}

/** The address of the events socket, relative to the page. */
export function eventsUrl(loc: { protocol: string; host: string } = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/api/v1/events/socket`;
}

function browserNetwork(): Network | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    onLine: () => navigator.onLine !== false,
    addEventListener: (type, l) => window.addEventListener(type, l),
    removeEventListener: (type, l) => window.removeEventListener(type, l),
  };
}

export class EventsConnection {
  private socket: SocketLike | null = null;
  private ready = false;
  private stopped = true;
  private offline = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly handlers = new Map<string, Set<EventHandler>>(); // "topic kind" -> handlers
  private readonly topics = new Map<string, number>(); // topic -> listeners
  private readonly readyListeners = new Set<() => void>();
  private readonly opts: Required<Omit<EventsOptions, 'probe' | 'network'>> & Pick<EventsOptions, 'probe'>;
  private readonly network: Network | null;
  /** The person's own topic, user:<id>, once the server said so. */
  userTopic: string | null = null;

  constructor(options: EventsOptions) {
    this.opts = {
      createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      minDelay: 500,
      maxDelay: 30_000,
      random: Math.random,
      ...options,
    };
    this.network = options.network === undefined ? browserNetwork() : options.network;
  }

  /** Listen to events of kind on topic ("user" is the person's own topic); returns the unlisten. */
  listen(topic: string, kind: string, handler: EventHandler): () => void {
    const key = `${topic} ${kind}`;
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    set.add(handler);
    const own = topic === 'user';
    if (!own) {
      const n = this.topics.get(topic) ?? 0;
      this.topics.set(topic, n + 1);
      if (n === 0) this.send({ type: 'subscribe', topics: [topic] });
    }
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(key);
      if (own) return;
      const n = (this.topics.get(topic) ?? 1) - 1;
      if (n > 0) {
        this.topics.set(topic, n);
      } else {
        this.topics.delete(topic);
        this.send({ type: 'unsubscribe', topics: [topic] });
      }
    };
  }

  /** Called after every (re)connection, once the own topic is heard: refetch what may have been missed. */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  get connected(): boolean {
    return this.ready;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    if (this.network) {
      this.network.addEventListener('offline', this.wentOffline);
      this.network.addEventListener('online', this.cameOnline);
      if (!this.network.onLine()) {
        this.offline = true;
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

  private drop(reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    this.ready = false;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close(1000, reason);
    }
  }

  private readonly wentOffline = (): void => {
    if (this.stopped) return;
    this.offline = true;
    this.drop('offline');
  };

  private readonly cameOnline = (): void => {
    if (this.stopped) return;
    this.offline = false;
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.open();
  };

  private send(msg: unknown): void {
    const s = this.socket;
    if (this.ready && s && s.readyState === OPEN) s.send(JSON.stringify(msg));
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
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket || typeof ev.data !== 'string') return;
      let batch: ServerMessage[];
      try {
        const parsed = JSON.parse(ev.data) as ServerMessage | ServerMessage[];
        batch = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        return;
      }
      for (const m of batch) this.receive(m);
    };
    socket.onerror = () => {
      // onclose follows
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      if (this.stopped) return;
      void this.afterClose(ev.code, opened);
    };
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        this.attempt = 0;
        this.userTopic = m.topics[0] ?? null;
        const topics = [...this.topics.keys()];
        if (topics.length > 0) this.send({ type: 'subscribe', topics });
        for (const l of [...this.readyListeners]) l();
        return;
      }
      case 'event': {
        const topic = m.topic === this.userTopic ? 'user' : m.topic;
        for (const h of [...(this.handlers.get(`${topic} ${m.kind}`) ?? [])]) h(m.data, m);
        return;
      }
      case 'error':
        // A refused topic stays refused until the page asks again; nothing else to do here.
        if (m.topic) this.topics.delete(m.topic);
        return;
      default:
        return;
    }
  }

  private async afterClose(code: number, opened: boolean): Promise<void> {
    if (code === CLOSE_UNAUTHENTICATED) {
      const token = await this.opts.refreshToken();
      if (this.stopped) return;
      if (token) {
        void this.open();
        return;
      }
    } else if (!opened && this.opts.probe) {
      // Refused before the upgrade (browsers do not say why): an ordinary request refreshes an
      // expired token through the API client.
      try {
        await this.opts.probe();
      } catch {
        // schedule anyway
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
}
