// The national view's operations and types (shared/api/openapi.yaml, /national/*).
import { api } from '../api/client';
import type { Id, LocalizedText } from '../api/types';

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface NationalRef {
  id: Id;
  code: string;
  names: LocalizedText;
}

export interface NationalSummary {
  goals: number;
  actions: number;
  status: Record<ActionStatus, number>;
  progress: number | null;
  indicators: number;
  measured: number;
  onTrack: number;
  lastFollowup?: string;
}

export interface NationalCell extends NationalSummary {
  nationalGoal: Id;
}

export interface NationalRow {
  region: NationalRef;
  plans: number;
  cells: NationalCell[];
  total: NationalSummary;
}

export interface NationalGroup {
  workspaceId: Id;
  name: string;
  regionId: Id;
  lastActivity: string | null;
  lastDocumentChange: string | null;
  lastFollowup?: string;
  lastSeen: string | null;
  quiet: boolean;
}

export interface NationalDashboard {
  scope: 'national' | 'regional';
  version: number;
  periods: string[];
  nationalGoals: NationalRef[];
  rows: NationalRow[];
  totals: { regions: number; plans: number; cells: NationalCell[]; total: NationalSummary };
  groups: NationalGroup[];
  quietAfterDays: number;
  practices: { rows: NationalPracticeRow[]; totals: NationalPracticeRow };
}

/** Published good practices of a region (or of the totals) by national goal. */
export interface NationalPracticeRow {
  regionId?: Id;
  cells: number[]; // in the order of nationalGoals
  total: number;
}

export interface NationalPlanRef {
  id: Id;
  workspaceId: Id;
  workspaceName: string;
  title: string;
  period: string;
  status: string;
}

export interface NationalIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  latest: { date: string; value: number; note?: string } | null;
  measured: boolean;
  onTrack: boolean;
}

export interface NationalAction {
  id: string;
  title: string;
  status: ActionStatus;
  progress: number | null;
  start?: string;
  end?: string;
  lastFollowup?: string;
  indicators: NationalIndicator[];
}

export interface NationalCellDetail {
  nationalGoal: NationalRef;
  region: NationalRef;
  summary: NationalSummary;
  goals: {
    plan: NationalPlanRef;
    id: string;
    title: string;
    nationalGoals: Id[];
    qualityDimensions: Id[];
    actions: NationalAction[];
  }[];
}

export interface NationalComparison {
  nationalGoals: NationalRef[];
  qualityDimensions: NationalRef[];
  regions: (NationalRow & { dimensions: (NationalSummary & { qualityDimension: Id })[]; groups: NationalGroup[] })[];
  /** Published good practices per national goal: a row per region compared (in the order of regions), totals over them. */
  practices: { rows: NationalPracticeRow[]; totals: NationalPracticeRow };
}

export interface NationalTimeline {
  total: number;
  entries: {
    date: string;
    region: NationalRef;
    plan: NationalPlanRef;
    goalId: string;
    actionId: string;
    actionTitle: string;
    followupId: string;
    excerpt: string;
  }[];
}

/** The filters of every national view; each list may hold several values (alternatives). */
export interface NationalFilter {
  period: string[];
  qualityDimension: string[];
  theme: string[];
  region: string[];
}

export const FILTER_KEYS: (keyof NationalFilter)[] = ['period', 'qualityDimension', 'theme', 'region'];

export function emptyFilter(): NationalFilter {
  return { period: [], qualityDimension: [], theme: [], region: [] };
}

/** Reads a filter from a URL's search parameters. */
export function filterFromParams(params: URLSearchParams): NationalFilter {
  const f = emptyFilter();
  for (const k of FILTER_KEYS) f[k] = params.getAll(k).filter(Boolean);
  return f;
}

/** The query string of a filter plus extra single parameters. */
export function toQuery(f: NationalFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) for (const v of f[k]) p.append(k, v);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

export const getNationalDashboard = (f: NationalFilter) => api<NationalDashboard>(`/national/dashboard?${toQuery(f)}`);
export const getNationalCell = (nationalGoal: string, f: NationalFilter) =>
  api<NationalCellDetail>(`/national/cell?${toQuery(f, { nationalGoal })}`);
export const compareRegions = (f: NationalFilter) => api<NationalComparison>(`/national/compare?${toQuery(f)}`);
export const getNationalTimeline = (f: NationalFilter, limit: number) =>
  api<NationalTimeline>(`/national/timeline?${toQuery(f, { limit: String(limit) })}`);

/** The national summary ('summary') or the action list ('actions') under a filter, as a file. */
export function nationalExportPath(what: 'summary' | 'actions', format: 'xlsx' | 'csv', f: NationalFilter, lang: string): string {
  const base = what === 'summary' ? '/national/export' : '/actions/export';
  return `${base}.${format}?${toQuery(f, { lang })}`;
}

/** The practice library filtered by a region and a national goal (either may be left out) and the
 * dashboard's periods and themes (alternatives, as the counts take them): it lists as many
 * practices as the count says. */
export function libraryHref(region: string | null, nationalGoal: string | null, f: NationalFilter): string {
  const p = new URLSearchParams();
  if (region) p.set('region', region);
  if (nationalGoal) p.set('nationalGoal', nationalGoal);
  for (const theme of f.theme) p.append('theme', theme);
  for (const period of f.period) p.append('period', period);
  const q = p.toString();
  return q ? `/practices?${q}` : '/practices';
}

/** Share of the measured indicators on track, as a whole percentage; null when none is measured. */
export function onTrackShare(s: NationalSummary): number | null {
  return s.measured > 0 ? Math.round((s.onTrack / s.measured) * 100) : null;
}
