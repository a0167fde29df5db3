import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveDocument } from './liveDocument';

export interface EditorValue {
  store: LiveDocument;
  canEdit: boolean;
}

export const EditorContext = createContext<EditorValue | null>(null);

/** The live document and whether this user may edit it; re-renders on every change. */
export function useEditor(): EditorValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor outside EditorContext');
  useSyncExternalStore(v.store.subscribe, v.store.getVersion);
  return v;
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
