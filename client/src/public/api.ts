// The open data (shared/api/openapi.yaml, /public/*): published content, no account needed.
import { api } from '../api/client';
import type { Id, LocalizedText } from '../api/types';

export interface PublicRef {
  id: Id;
  code: string;
  names: LocalizedText;
}

export interface PublicRegionEntry {
  region: PublicRef;
  documents: number;
  periods: string[];
}

export interface PublicFigures {
  goals: number;
  actions: number;
  statuses: Record<string, number>;
  progress: number | null;
  indicators: number;
  measured: number;
  reached: number;
}

export type PublicKind = 'action_plan' | 'strategy' | 'situation';

export interface PublicDocumentSummary {
  id: Id;
  kind: PublicKind;
  title: string;
  period: string;
  status: 'approved' | 'followed_up' | 'closed';
  group: { id: Id; name: string };
  regionId: Id;
  updatedAt: string;
  figures: PublicFigures;
}

export interface PublicRegionPage {
  region: PublicRef;
  groups: { id: Id; name: string }[];
  documents: PublicDocumentSummary[];
  practices: PublicPracticeSummary[];
}

export interface PublicSection {
  id: string;
  title: string;
  body: string;
}

export interface PublicIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  latest: { date: string; value: number } | null;
  reached: boolean | null;
}

export interface PublicAction {
  id: string;
  title: string;
  description: string;
  status: string;
  progress: number | null;
  start: string;
  end: string;
  organisations: string[];
  indicators: PublicIndicator[];
}

export interface PublicGoal {
  id: string;
  title: string;
  description: string;
  nationalGoals: PublicRef[];
  qualityDimensions: PublicRef[];
  themes: PublicRef[];
  actions: PublicAction[];
}

export interface PublicDocument extends PublicDocumentSummary {
  responsible: string[];
  sections: PublicSection[];
  values: PublicSection[];
  goals: PublicGoal[];
}

export const getPublicRegions = () => api<{ regions: PublicRegionEntry[] }>('/public/regions');
export const getPublicRegion = (id: string) => api<PublicRegionPage>(`/public/regions/${encodeURIComponent(id)}`);
export const getPublicDocument = (id: string) => api<PublicDocument>(`/public/documents/${encodeURIComponent(id)}`);

export interface PublicPracticeSummary {
  id: Id;
  name: string;
  summary: string;
  group: string;
  themes: PublicRef[];
  updatedAt: string;
}

export interface PublicPractice {
  id: Id;
  name: string;
  summary: string;
  regionId: string;
  group: string;
  themes: PublicRef[];
  targetGroups: PublicRef[];
  nationalGoals: PublicRef[];
  organisations: string[];
  /** The long fields as safe HTML (rendered and escaped by the server). */
  html: Record<string, string>;
  publishedAt: string | null;
}

export const PRACTICE_FIELDS = ['basicIdea', 'environment', 'clientInsight', 'steps', 'resources', 'partners', 'results', 'adoption'] as const;

export const getPublicPractice = (id: string) => api<PublicPractice>(`/public/practices/${encodeURIComponent(id)}`);
