// The forum routes (shared/api/openapi.yaml: listForums … reportPost) and their live events
// (thread:<id>: post, edited, reacted, moderated; forum:<id>: thread, activity, moderated).
import { api } from '../api/client';
import type { Level } from '../notifications/levels';
import type { Mentionable } from '../comments/mentions';

export type ForumKind = 'theme' | 'workspace' | 'circle';
export const REACTIONS = ['like', 'thanks', 'insightful', 'question'] as const;
export type ReactionKind = (typeof REACTIONS)[number];

export interface Forum {
  id: string;
  kind: ForumKind;
  names: { fi: string; sv: string; en: string };
  workspaceId?: string;
  workspaces?: { id: string; name: string; joined: boolean }[];
  threads: number;
  unread: number;
  lastAt?: string;
  canWrite: boolean;
  canModerate: boolean;
  /** For its moderators: the reports waiting in the forum's queue. */
  openReports?: number;
  following: boolean;
  /** The reader's notification level on the forum. */
  level?: Level;
}

export interface ThreadHead {
  id: string;
  forumId: string;
  title: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  lastAt: string;
  posts: number;
  read: number;
  unread: number;
  new: boolean;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  following: boolean;
  /** The reader's notification level (not in live events); unread is 0 when muted. */
  level?: Level;
}

export interface Post {
  id: string;
  threadId: string;
  number: number;
  authorId: string;
  authorName: string;
  body: string;
  html: string;
  quote?: { postId: string; number: number; authorName: string; excerpt: string };
  createdAt: string;
  editedAt?: string;
  edits: number;
  deleted: boolean;
  hidden: boolean;
  reactions: { kind: ReactionKind; count: number; mine: boolean }[];
  /** The post links to practices or plans; a live copy carries no cards (fetch the post for yours). */
  links?: boolean;
  /** The linked practices and plan items this reader may read. */
  cards?: Card[];
}

/** A link in a post to a practice or a plan (item), resolved for the reader. */
export interface Card {
  kind: 'practice' | 'plan';
  link: string;
  title: string;
  group?: string;
  regionId?: string;
  summary?: string;
  state?: string;
  itemType?: string;
  itemTitle?: string;
  status?: string;
  progress?: number;
}

export interface ForumPage {
  forum: Forum;
  threads: ThreadHead[];
  next?: string;
  lastVisit?: string;
}

export interface ThreadPage {
  thread: ThreadHead;
  forum: Forum;
  posts: Post[];
  canWrite: boolean;
  canModerate: boolean;
  hasBefore: boolean;
  hasAfter: boolean;
}

export interface Report {
  postId: string;
  threadId: string;
  threadTitle: string;
  number: number;
  excerpt: string;
  reporterName: string;
  reason: string;
  at: string;
  resolvedByName?: string;
  resolvedAt?: string;
  resolution?: Resolution;
  postHidden: boolean;
  postDeleted: boolean;
}

export type Resolution = 'dismiss' | 'hide';
export type ReportState = 'open' | 'resolved';

export interface CircleGroup {
  id: string;
  name: string;
}

/** What a live event on thread:<id> or forum:<id> carries. */
export interface LiveChange {
  post?: Post;
  thread?: ThreadHead;
}

export const PAGE = 50;
/** Characters of a post (server/forums MaxBody). */
export const MAX_POST = 20000;

export const listForums = () => api<{ forums: Forum[] }>('/forums').then((r) => r.forums);
export const getForum = (id: string, cursor?: string) => api<ForumPage>(`/forums/${id}`, { query: { cursor, limit: PAGE } });
export const startThread = (forumId: string, title: string, body: string) =>
  api<ThreadPage>(`/forums/${forumId}/threads`, { method: 'POST', body: { title, body } });
export const visitForum = (id: string) => api<void>(`/forums/${id}/visit`, { method: 'POST' });
export const followForum = (id: string, following: boolean) => api<void>(`/forums/${id}/follow`, { method: 'PUT', body: { following } });
/** A page of a forum's reports, newest first; next is the cursor of the page after (absent after the last). */
export const forumReports = (id: string, state: ReportState = 'open', cursor?: string) =>
  api<{ reports: Report[]; next?: string }>(`/forums/${id}/reports`, { query: { state, cursor, limit: PAGE } });
export const resolveReports = (postId: string, action: Resolution) =>
  api<{ reports: Report[] }>(`/posts/${postId}/reports/resolve`, { method: 'POST', body: { action } }).then((r) => r.reports);
export const circleGroups = () => api<{ mine: CircleGroup[]; others: CircleGroup[] }>('/forums/circles/groups');
export const openCircle = (title: string, workspaceId: string, invite: string[]) =>
  api<Forum>('/forums/circles', { method: 'POST', body: { title, workspaceId, invite } });
export const joinCircle = (id: string, workspaceId: string) => api<Forum>(`/forums/${id}/join`, { method: 'POST', body: { workspaceId } });
/** One post as this reader sees it (its cards): the page of one post at its number. */
export const getPost = (threadId: string, number: number) =>
  api<ThreadPage>(`/threads/${threadId}`, { query: { after: number - 1, limit: 1 } }).then((p) => p.posts[0] as Post | undefined);
export const getThread = (id: string, q: { after?: number; before?: number } = {}) =>
  api<ThreadPage>(`/threads/${id}`, { query: { after: q.after, before: q.before, limit: PAGE } });
export const moderate = (id: string, body: { pinned?: boolean; locked?: boolean; hidden?: boolean; forumId?: string }) =>
  api<ThreadPage>(`/threads/${id}`, { method: 'PATCH', body });
export const reply = (threadId: string, body: string, quote?: string) =>
  api<Post>(`/threads/${threadId}/posts`, { method: 'POST', body: quote ? { body, quote } : { body } });
/** Whom a reply in the thread (or a new thread's first post in the forum) may mention: its readers named like q. */
export const threadMentionable = (threadId: string, q: string) =>
  api<{ people: Mentionable[] }>(`/threads/${threadId}/mentionable`, { query: { q } }).then((r) => r.people);
export const forumMentionable = (forumId: string, q: string) =>
  api<{ people: Mentionable[] }>(`/forums/${forumId}/mentionable`, { query: { q } }).then((r) => r.people);
export const markRead = (threadId: string, upTo: number) => api<void>(`/threads/${threadId}/read`, { method: 'POST', body: { upTo } });
export const followThread = (id: string, following: boolean) => api<void>(`/threads/${id}/follow`, { method: 'PUT', body: { following } });
export const editPost = (id: string, body: { body?: string; hidden?: boolean }) => api<Post>(`/posts/${id}`, { method: 'PATCH', body });
export const deletePost = (id: string) => api<void>(`/posts/${id}`, { method: 'DELETE' });
export const postHistory = (id: string) =>
  api<{ revisions: { body: string; html: string; at: string }[] }>(`/posts/${id}/history`).then((r) => r.revisions);
export const react = (id: string, reaction: ReactionKind, on: boolean) => api<Post>(`/posts/${id}/reactions`, { method: 'POST', body: { reaction, on } });
export const reportPost = (id: string, reason: string) => api<void>(`/posts/${id}/reports`, { method: 'POST', body: { reason } });
export const preview = (body: string) => api<{ html: string }>('/forums/preview', { method: 'POST', body: { body } }).then((r) => r.html);

/** A forum's name in the UI language. */
export function forumName(f: Pick<Forum, 'names'>, lang: string): string {
  return (lang === 'sv' ? f.names.sv : lang === 'en' ? f.names.en : f.names.fi) || f.names.fi;
}
