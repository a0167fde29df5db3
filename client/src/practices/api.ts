// The good-practice library's API (server/practices, /api/v1/practices).
import { api } from '../api/client';
import type { Level } from '../notifications/levels';

export interface PracticeContact {
  name: string;
  email: string;
  phone: string;
}

export interface PracticeLinkItem {
  title: string;
  url: string;
}

/** The template's Markdown texts, in template order. */
export const LONG_FIELDS = ['basicIdea', 'environment', 'clientInsight', 'steps', 'resources', 'partners', 'results', 'adoption'] as const;
export type LongField = (typeof LONG_FIELDS)[number];

export interface PracticeFields {
  name: string;
  summary: string;
  basicIdea: string;
  environment: string;
  clientInsight: string;
  steps: string;
  resources: string;
  partners: string;
  results: string;
  adoption: string;
  regionId: string;
  organisations: string[];
  themes: string[];
  targetGroups: string[];
  nationalGoals: string[];
  contact: PracticeContact;
  links: PracticeLinkItem[];
}

export interface PracticeContent extends PracticeFields {
  /** Long field name -> safe HTML rendered on the server. */
  html: Partial<Record<LongField, string>>;
}

export interface VersionInfo {
  n: number;
  name: string;
  publishedAt: string;
  authorName: string;
  approvedByName: string;
}

export type PracticeState = 'draft' | 'review' | 'done';

export interface Practice {
  id: string;
  workspaceId: string;
  workspaceName: string;
  state: PracticeState;
  published: number;
  publishedAt?: string;
  public: boolean;
  current?: PracticeContent;
  draft?: PracticeContent;
  authorName: string;
  reviewNote?: string;
  submittedByName?: string;
  updatedAt: string;
  version: number;
  spread: string[];
  adoptions: number;
  canEdit: boolean;
  canReview: boolean;
  canAdopt: string[];
  organisationNames: { id: string; name: string; type: string }[];
  versions: VersionInfo[];
  /** The reader's notification level (signed in). */
  level?: Level;
}

export interface PracticeItem {
  id: string;
  name: string;
  summary: string;
  regionId: string;
  workspaceId: string;
  workspaceName: string;
  themes: string[];
  targetGroups: string[];
  nationalGoals: string[];
  organisationTypes: string[];
  state: PracticeState;
  published: number;
  public: boolean;
  adoptions: number;
  spread: string[];
  updatedAt: string;
}

export interface PracticeQuery {
  region?: string;
  /** Practices about one of the themes. */
  theme?: string[];
  targetGroup?: string;
  nationalGoal?: string;
  orgType?: string;
  status?: '' | 'published' | 'drafts';
  q?: string;
  /** First published in one of these periods ("2026", "2025-2027", "2025-", "-2027"). */
  period?: string[];
  limit?: number;
  offset?: number;
}

/** A period of the library's filter as its ends (null: open); null when it is not one. */
export function periodEnds(period: string): { from: number | null; to: number | null } | null {
  const m = /^\s*(\d{4})?\s*(?:([-–])\s*(\d{4})?)?\s*$/.exec(period);
  if (!m || (!m[1] && !m[3])) return null;
  const from = m[1] ? Number(m[1]) : null;
  const to = m[2] ? (m[3] ? Number(m[3]) : null) : from;
  if (from !== null && to !== null && to < from) return null;
  return { from, to };
}

/** The period of the ends ("2026" for one year, "2025-" or "-2027" with an open end); '' for none. */
export function periodOf(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  if (from === to) return String(from);
  return `${from ?? ''}-${to ?? ''}`;
}

export interface Adoption {
  id: string;
  workspaceId: string;
  workspaceName: string;
  regionId: string;
  byName: string;
  experience: string;
  html: string;
  at: string;
}

export interface PracticeLink {
  id: string;
  kind: 'action' | 'thread';
  practiceId: string;
  practiceName: string;
  documentId?: string;
  workspaceId?: string;
  node?: string;
  threadId?: string;
  title: string;
  at: string;
}

const enc = encodeURIComponent;
const p = (id: string, rest = '') => `/practices/${enc(id)}${rest}`;

export function listPractices(query: PracticeQuery) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const one of v) params.append(k, one);
    else if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return api<{ items: PracticeItem[]; total: number }>(qs ? `/practices?${qs}` : '/practices');
}
export const getPractice = (id: string) => api<Practice>(p(id));
export const createPractice = (workspaceId: string, fields: PracticeFields) =>
  api<Practice>('/practices', { method: 'POST', body: { workspaceId, ...fields } });
export const updatePractice = (id: string, version: number, fields: PracticeFields) =>
  api<Practice>(p(id), { method: 'PUT', body: { version, ...fields } });
export const submitPractice = (id: string, version: number) => api<Practice>(p(id, '/submit'), { method: 'POST', body: { version } });
export const reviewPractice = (id: string, version: number, decision: 'approve' | 'return', note: string) =>
  api<Practice>(p(id, '/review'), { method: 'POST', body: { version, decision, note } });
export const setPracticePublic = (id: string, version: number, isPublic: boolean) =>
  api<Practice>(p(id, '/visibility'), { method: 'POST', body: { version, public: isPublic } });
export const getPracticeVersion = (id: string, n: number) =>
  api<{ version: VersionInfo; content: PracticeContent }>(p(id, `/versions/${n}`));
export const listAdoptions = (id: string) => api<Adoption[]>(p(id, '/adoptions'));
export const adoptPractice = (id: string, workspaceId: string, experience: string) =>
  api<Adoption>(p(id, '/adoptions'), { method: 'POST', body: { workspaceId, experience } });
export const listPracticeLinks = (id: string) => api<PracticeLink[]>(p(id, '/links'));
export const listDocumentPracticeLinks = (documentId: string) => api<PracticeLink[]>(`/documents/${enc(documentId)}/practice-links`);

/** An empty template. */
export function emptyFields(regionId = ''): PracticeFields {
  return {
    name: '', summary: '', basicIdea: '', environment: '', clientInsight: '', steps: '', resources: '', partners: '', results: '',
    adoption: '', regionId, organisations: [], themes: [], targetGroups: [], nationalGoals: [], contact: { name: '', email: '', phone: '' }, links: [],
  };
}

/** The fields of a content (drops the rendered HTML). */
export function fieldsOf(c: PracticeContent): PracticeFields {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { html, ...f } = c;
  return { ...emptyFields(), ...f, contact: { ...emptyFields().contact, ...f.contact }, links: f.links ?? [] };
}
