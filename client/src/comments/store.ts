// The comments of one open document: loaded from the API, kept current by the live `comments`
// messages of the document socket and by this user's own requests, and read by React through
// subscribe/getVersion (useSyncExternalStore).
import type { Comment, CommentList, CommentsMessage, Thread } from './api';

export class CommentsStore {
  threads: Thread[] = [];
  loaded = false;
  /** The seq of the newest change applied (list or message). */
  seq = 0;
  private version = 0;
  private listeners = new Set<() => void>();

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /** A list from the API; false (and ignored) when messages newer than it were applied meanwhile. */
  load(list: CommentList): boolean {
    if (this.loaded && list.seq < this.seq) return false;
    this.threads = list.threads;
    this.seq = list.seq;
    this.loaded = true;
    this.changed();
    return true;
  }

  /** A thread as the API returned it after this user's request. */
  put(thread: Thread): void {
    const i = this.threads.findIndex((t) => t.id === thread.id);
    this.threads = i < 0 ? [...this.threads, thread] : this.threads.map((t) => (t.id === thread.id ? thread : t));
    this.changed();
  }

  /** Removes a thread (this user removed its last comment). */
  drop(threadId: string): void {
    this.threads = this.threads.filter((t) => t.id !== threadId);
    this.changed();
  }

  /** A live message: the thread's head and the comment that changed. */
  apply(m: CommentsMessage): void {
    this.seq = Math.max(this.seq, m.seq);
    if (m.removed) {
      this.drop(m.thread.id);
      return;
    }
    const old = this.threads.find((t) => t.id === m.thread.id);
    let comments: Comment[] = old?.comments ?? [];
    const c = m.comment;
    if (c) {
      const isFirst = c.id === m.thread.id;
      if (c.deleted && !isFirst) comments = comments.filter((x) => x.id !== c.id);
      else if (comments.some((x) => x.id === c.id)) comments = comments.map((x) => (x.id === c.id ? c : x));
      else comments = isFirst ? [c, ...comments] : [...comments, c];
    }
    this.put({ ...m.thread, comments });
  }

  get(threadId: string): Thread | undefined {
    return this.threads.find((t) => t.id === threadId);
  }

  /** The thread holding a comment. */
  threadOf(commentId: string): Thread | undefined {
    return this.threads.find((t) => t.id === commentId || t.comments.some((c) => c.id === commentId));
  }
}
