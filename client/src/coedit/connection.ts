// Connection: the websocket side of a LiveDocument (shared/coedit/PROTOCOL.md), on a
// ReconnectingSocket (realtime/socket.ts: subprotocols with the access token, backoff, token
// refresh on 4001, closing at once while the browser is offline). It joins with the last
// revision on each open (the backoff starts again once the server says hello), stops for good
// when access is refused (4003, or the document answers 403/404), and fetches a fresh copy when
// the store must resynchronise. Pending edits live in the store, so they survive reconnects.
import { ReconnectingSocket, apiSocketUrl, type SocketOptions } from '../realtime/socket';
import type { LiveDocument, ServerMessage } from './liveDocument';
import type { Nodes } from './model';

export interface ConnectionOptions extends SocketOptions {
  /** GET the document: a fresh copy for resynchronising; also refreshes an expired token. */
  loadDocument: () => Promise<{ nodes: Nodes; revision: number }>;
  /** Tells whether an error from loadDocument means access is gone (403/404). */
  isForbidden?: (err: unknown) => boolean;
}

export const CLOSE_FORBIDDEN = 4003;

/** The websocket address of a document's live socket, relative to the page. */
export function socketUrl(documentId: string, loc: { protocol: string; host: string } = window.location): string {
  return apiSocketUrl(`/documents/${encodeURIComponent(documentId)}/socket`, loc);
}

export class Connection {
  private stopped = false;
  private readonly socket: ReconnectingSocket;

  constructor(
    private readonly store: LiveDocument,
    private readonly options: ConnectionOptions,
  ) {
    const forbidden = (err: unknown): boolean => options.isForbidden?.(err) ?? false;
    this.socket = new ReconnectingSocket(options, {
      onOpen: (send) => store.attach({ send }),
      onMessage: (msg) => store.receive(msg as ServerMessage | ServerMessage[]),
      onDown: () => store.detach(),
      onNetwork: (offline) => store.setOffline(offline),
      onClose: (code) => {
        if (code !== CLOSE_FORBIDDEN) return;
        store.setForbidden();
        return 'stop';
      },
      probe: async () => {
        // An ordinary request tells whether the token expired (the API client then refreshes
        // it) or access is gone.
        try {
          await options.loadDocument();
        } catch (err) {
          if (forbidden(err)) {
            store.setForbidden();
            return 'stop';
          }
        }
      },
    });
    store.onReady = () => this.socket.resetBackoff();
    store.onResync = () => void this.resync();
  }

  start(): void {
    this.stopped = false;
    this.socket.start();
  }

  stop(): void {
    this.stopped = true;
    this.socket.stop();
    this.store.detach();
  }

  /** Fetch a fresh copy and rejoin with it. */
  private async resync(): Promise<void> {
    try {
      const doc = await this.options.loadDocument();
      if (this.stopped) return;
      this.store.reset(doc.nodes, doc.revision);
    } catch (err) {
      if (this.options.isForbidden?.(err)) {
        this.store.setForbidden();
        this.stop();
        return;
      }
      // Try again through a fresh connection.
      this.socket.close(4000, 'resync failed');
    }
  }
}
