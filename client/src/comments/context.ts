import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveDocument } from '../coedit/liveDocument';
import type { DocNode } from '../coedit/model';
import type { CommentAnchor, Thread } from './api';
import type { CommentsStore } from './store';

export type Filter = 'open' | 'resolved';

export interface CommentsValue {
  documentId: string;
  workspaceId: string;
  comments: CommentsStore;
  live: LiveDocument;
  /** Whether this person may write comments (the document's editors). */
  canComment: boolean;
  me: string | null;
  panelOpen: boolean;
  setPanelOpen: (open: boolean) => void;
  filter: Filter;
  setFilter: (f: Filter) => void;
  /** The anchor of the thread being started, if any. */
  draft: CommentAnchor | null;
  /** Opens the panel with a new thread on the anchor and focuses its text box. */
  compose: (anchor: CommentAnchor) => void;
  cancelDraft: () => void;
  /** Opens the panel and focuses a thread (switching the filter when it is hidden). */
  focusThread: (threadId: string) => void;
}

export const CommentsContext = createContext<CommentsValue | null>(null);

/** The comments of the open document, or null outside a CommentsArea; re-renders on changes. */
export function useComments(): CommentsValue | null {
  const v = useContext(CommentsContext);
  useSyncExternalStore(v ? v.comments.subscribe : noSubscribe, v ? v.comments.getVersion : zero);
  return v;
}

const noSubscribe = () => () => {};
const zero = () => 0;

/** The DOM id of a thread in the panel. */
export const threadElementId = (id: string) => `cm-thread-${id}`;
/** The DOM id of the new-thread text box. */
export const composerId = 'cm-new-body';

/** Lists of each node type, in the editor's order (server/plans/schema.go). */
const LISTS: Record<string, string[]> = {
  action_plan: ['goals'],
  strategy: ['sections', 'values'],
  situation: ['sections'],
  goal: ['actions'],
  action: ['indicators', 'followups'],
};

/** Every node of the document in outline order (the root first). */
export function documentOrder(live: LiveDocument): string[] {
  const out: string[] = [];
  const walk = (n: DocNode | undefined) => {
    if (!n) return;
    out.push(n.id);
    for (const list of LISTS[n.type] ?? []) for (const c of live.children(n.id, list)) walk(c);
  };
  walk(live.root);
  return out;
}

/** Text fields in each node's display order, for ordering threads within a node. */
const FIELD_ORDER = ['title', 'name', 'description', 'body', 'unit'];

/** Threads in document order: by node, then field (the whole item first), then age; threads on deleted items last. */
export function inDocumentOrder(threads: Thread[], live: LiveDocument): Thread[] {
  const rank = new Map(documentOrder(live).map((id, i) => [id, i]));
  const fieldRank = (f?: string) => (f ? FIELD_ORDER.indexOf(f) + 1 || FIELD_ORDER.length + 1 : 0);
  return [...threads].sort((a, b) => {
    const ra = rank.get(a.anchor.node) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.anchor.node) ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    const fa = fieldRank(a.anchor.field);
    const fb = fieldRank(b.anchor.field);
    if (fa !== fb) return fa - fb;
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
  });
}
