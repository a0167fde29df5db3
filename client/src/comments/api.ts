// The comments endpoints of shared/api/openapi.yaml (/documents/{id}/comments).
import { api } from '../api/client';

export interface CommentAnchor {
  node: string;
  field?: string;
  quote?: string;
}

export interface Comment {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  /** "" when removed. */
  body: string;
  createdAt: string;
  editedAt?: string;
  deleted: boolean;
}

export interface Thread {
  id: string;
  documentId: string;
  anchor: CommentAnchor;
  resolved: boolean;
  resolvedBy?: string;
  resolvedByName?: string;
  resolvedAt?: string;
  createdAt: string;
  comments: Comment[];
}

export interface CommentList {
  seq: number;
  threads: Thread[];
}

/** The live message on the document socket after a change (shared/coedit/PROTOCOL.md). */
export interface CommentsMessage {
  type: 'comments';
  event: 'created' | 'replied' | 'edited' | 'deleted' | 'resolved' | 'reopened';
  seq: number;
  by: string;
  thread: Thread;
  comment?: Comment;
  removed: boolean;
}

const enc = encodeURIComponent;
const base = (doc: string) => `/documents/${enc(doc)}/comments`;

export const listComments = (doc: string) => api<CommentList>(base(doc));
export const startThread = (doc: string, anchor: CommentAnchor, body: string) => api<Thread>(base(doc), { method: 'POST', body: { anchor, body } });
export const replyToThread = (doc: string, thread: string, body: string) =>
  api<Thread>(`${base(doc)}/${enc(thread)}/replies`, { method: 'POST', body: { body } });
export const editComment = (doc: string, comment: string, body: string) => api<Thread>(`${base(doc)}/${enc(comment)}`, { method: 'PATCH', body: { body } });
export const resolveThread = (doc: string, thread: string, resolved: boolean) =>
  api<Thread>(`${base(doc)}/${enc(thread)}`, { method: 'PATCH', body: { resolved } });
export const deleteComment = (doc: string, comment: string) => api<void>(`${base(doc)}/${enc(comment)}`, { method: 'DELETE' });
