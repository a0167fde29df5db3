// The history routes of a document (shared/api/openapi.yaml: documentHistory, documentRevision,
// documentAuthors, restoreDocument).
import { api } from '../api/client';
import type { DocumentSummary } from '../api/types';
import type { Nodes } from '../coedit/model';

export interface HistoryGroup {
  by: string;
  name: string;
  from: number;
  to: number;
  start: string;
  end: string;
  changes: number;
  texts: number;
  fields: number;
  added: number;
  moved: number;
  removed: number;
  restored?: number;
}

export interface Timeline {
  revision: number;
  complete: boolean;
  groups: HistoryGroup[];
}

export interface Revision {
  revision: number;
  at: string;
  by?: string;
  doc: { id: string; kind: string; nodes: Nodes };
}

export interface Span {
  by: string;
  n: number;
}

export interface Authors {
  revision: number;
  texts: Record<string, Record<string, Span[]>>;
  fields: Record<string, Record<string, { by: string; at: string }>>;
  people: Record<string, string>;
}

const enc = encodeURIComponent;

export const getHistory = (id: string) => api<Timeline>(`/documents/${enc(id)}/history`);
export const getRevision = (id: string, rev: number) => api<Revision>(`/documents/${enc(id)}/revisions/${rev}`);
export const getAuthors = (id: string) => api<Authors>(`/documents/${enc(id)}/authors`);
export const restoreRevision = (id: string, revision: number) =>
  api<DocumentSummary>(`/documents/${enc(id)}/restore`, { method: 'POST', body: { revision } });
