import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveDocument, PresenceUser } from './liveDocument';
import type { DocNode } from './model';

export interface EditorValue {
  store: LiveDocument;
  canEdit: boolean;
}

export const EditorContext = createContext<EditorValue | null>(null);

/**
 * The live document and whether this user may edit it. It does not re-render on changes of the
 * document: components follow what they show with useChildren, useRoot and usePresence, and get
 * their node as a prop (a changed node is a new object), so a keystroke re-renders its field and
 * the lists holding it, not the whole outline.
 */
export function useEditor(): EditorValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor outside EditorContext');
  return v;
}

/** The children of parent in list, in order; re-renders when they change. */
export function useChildren(parent: string, list: string): DocNode[] {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, () => store.children(parent, list));
}

/** The document's root node; re-renders when it changes. */
export function useRoot(): DocNode | undefined {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, () => store.root);
}

/** Everyone in the room, this user included; re-renders when presence changes. */
export function usePresence(): PresenceUser[] {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribe, () => store.presence);
}

let pendingFocus: string | null = null;

/** Moves focus to the element with this id after the next render (new nodes, moves). */
export function requestFocus(elementId: string): void {
  pendingFocus = elementId;
  const tryFocus = (left: number) => {
    const el = pendingFocus ? document.getElementById(pendingFocus) : null;
    if (el) {
      el.focus();
      pendingFocus = null;
    } else if (left > 0) {
      requestAnimationFrame(() => tryFocus(left - 1));
    }
  };
  requestAnimationFrame(() => tryFocus(10));
}

/** A DOM id for a field of a node. */
export const fieldId = (node: string, field: string) => `f-${node}-${field}`;
