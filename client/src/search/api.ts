// GET /search (shared/api/openapi.yaml: search).
import { api } from '../api/client';

export const KINDS = ['practice', 'thread', 'post', 'plan', 'member'] as const;
export type SearchKind = (typeof KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** The title escaped as HTML with the matches in <mark> (shown through `marked`, never as HTML). */
  titleHtml: string;
  fragmentHtml: string;
  link: string;
  region: string[];
  theme: string[];
  nationalGoal: string[];
  at: string;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  byKind: Partial<Record<SearchKind, number>>;
}

export interface SearchParams {
  q: string;
  type: string;
  region: string;
  theme: string;
  nationalGoal: string;
  from: string;
  to: string;
  offset: number;
  limit?: number;
  /** false: no counts per type (the search box's suggestions). */
  counts?: boolean;
}

export const EMPTY_PARAMS: SearchParams = { q: '', type: '', region: '', theme: '', nationalGoal: '', from: '', to: '', offset: 0 };

/** The query string of a search (empty values left out). */
export function toQuery(p: Partial<SearchParams>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === null || v === '' || (k === 'offset' && v === 0) || (k === 'counts' && v === true)) continue;
    out[k] = String(v);
  }
  return out;
}

/** Search params from a URL's query string. */
export function fromQuery(s: URLSearchParams): SearchParams {
  const offset = Number(s.get('offset') ?? 0);
  return {
    q: s.get('q') ?? '',
    type: s.get('type') ?? '',
    region: s.get('region') ?? '',
    theme: s.get('theme') ?? '',
    nationalGoal: s.get('nationalGoal') ?? '',
    from: s.get('from') ?? '',
    to: s.get('to') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export const search = (p: Partial<SearchParams>, signal?: AbortSignal) =>
  api<SearchResult>('/search', { query: toQuery(p), signal });

/** A piece of highlighted text: plain, or a match. */
export interface Mark {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#34;': '"' };

/**
 * The server's highlighted HTML (text escaped, matches in <mark>) as pieces of plain text, so
 * the client renders text nodes and <mark> elements and never sets HTML.
 */
export function marked(html: string): Mark[] {
  const out: Mark[] = [];
  const parts = html.split(/<(\/?)mark>/);
  // split with one capture group: text, slash, text, slash, ...
  let inMark = false;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      inMark = parts[i] === '';
      continue;
    }
    const text = parts[i].replace(/&(amp|lt|gt|quot|#39|#34);/g, (m) => ENTITIES[m] ?? m);
    if (text) out.push({ text, mark: inMark });
  }
  return out;
}

/** Keeps only the last `chars` characters of the text before the first match (a narrow line). */
export function compact(pieces: Mark[], chars: number): Mark[] {
  if (pieces.length < 2 || pieces[0].mark || pieces[0].text.length <= chars) return pieces;
  const head = pieces[0].text.slice(-chars);
  const cut = head.indexOf(' ');
  return [{ text: '…' + (cut >= 0 && cut < chars / 2 ? head.slice(cut + 1) : head), mark: false }, ...pieces.slice(1)];
}
