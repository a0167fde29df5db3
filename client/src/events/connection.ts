// EventsConnection: the one events socket of a browser tab (shared/coedit/PROTOCOL.md, "Events
// socket"), on a ReconnectingSocket (realtime/socket.ts: backoff, token refresh on 4001, closing
// at once while the browser is offline). Components listen to (topic, kind) pairs; the
// connection subscribes to each topic while someone listens to it (the person's own user:<id>
// topic is always heard) and resubscribes after every reconnect. Events are hints: after each
// (re)connection listeners of `ready` refetch what they show.
import { ReconnectingSocket, apiSocketUrl, type SocketOptions } from '../realtime/socket';

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

export interface EventsOptions extends SocketOptions {
  /** An ordinary request that refreshes an expired token (the socket refused before the upgrade). */
  probe?: () => Promise<unknown>;
}

/** The address of the events socket, relative to the page. */
export function eventsUrl(loc: { protocol: string; host: string } = window.location): string {
  return apiSocketUrl('/events/socket', loc);
}

export class EventsConnection {
  private readonly socket: ReconnectingSocket;
  private ready = false;
  private readonly handlers = new Map<string, Set<EventHandler>>(); // "topic kind" -> handlers
  private readonly topics = new Map<string, number>(); // topic -> listeners
  private readonly readyListeners = new Set<() => void>();
  /** The person's own topic, user:<id>, once the server said so. */
  userTopic: string | null = null;

  constructor(options: EventsOptions) {
    const probe = options.probe;
    this.socket = new ReconnectingSocket(options, {
      onMessage: (msg) => {
        for (const m of Array.isArray(msg) ? (msg as ServerMessage[]) : [msg as ServerMessage]) this.receive(m);
      },
      onDown: () => {
        this.ready = false;
      },
      probe: probe
        ? async () => {
            try {
              await probe();
            } catch {
              // retry anyway
            }
          }
        : undefined,
    });
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
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  private send(msg: unknown): void {
    if (this.ready) this.socket.send(msg);
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        this.socket.resetBackoff();
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
}
