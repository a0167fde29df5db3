// Downloads an export with the access token, reading the body as a stream so the page can show
// how much has arrived: a share of Content-Length for files made whole (DOCX, PDF, XLSX), the bytes
// received for streamed ones (CSV, sent chunked as it is written), then hands it to the browser
// as a file.
import { API_BASE, ApiError, getAccessToken, refreshSession } from '../api/client';
import type { Language } from '../api/types';

export type ExportFormat = 'docx' | 'pdf' | 'xlsx' | 'csv';

export interface Progress {
  received: number;
  total: number | null; // null when the server did not say
}

export interface ExportedPlan {
  id: string;
  lang: Language;
  kind: 'strategy' | 'action_plan' | 'situation';
  kindName: string;
  title: string;
  period: string;
  status: string;
  statusName: string;
  workspace: string;
  region: string;
  updated: string;
  generated: string;
  responsible: string[];
  sections: { title: string; body: string }[];
  values: { title: string; body: string }[];
  goals: {
    title: string;
    description: string;
    nationalGoals: string[];
    qualityDimensions: string[];
    actions: {
      title: string;
      description: string;
      organisations: string[];
      contact: string;
      start: string;
      end: string;
      status: string;
      statusName: string;
      progress: string;
      indicators: { name: string; unit: string; baseline: string; target: string; latest: string; latestDate: string }[];
      followups: { date: string; body: string }[];
    }[];
  }[];
}

/** The URL of a plan's export, or of one plan's action list. */
export function exportPath(documentId: string, format: ExportFormat, lang: Language): string {
  const id = encodeURIComponent(documentId);
  if (format === 'xlsx' || format === 'csv') return `/actions/export.${format}?document=${id}&lang=${lang}`;
  return `/documents/${id}/export.${format}?lang=${lang}`;
}

/** A byte count for people: "850 B", "12 kB", "1.4 MB" in the language's number format. */
export function formatBytes(n: number, lang: string): string {
  const fmt = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v);
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${fmt(n / 1000)} kB`;
  return `${fmt(n / 1_000_000)} MB`;
}

/** The file name of a Content-Disposition header (the UTF-8 form first). */
export function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; field?: string } };
    if (body.error?.code) return new ApiError(res.status, body.error.code, body.error.message ?? '', body.error.field);
  } catch {
    // not JSON
  }
  return new ApiError(res.status, 'internal', res.statusText);
}

async function get(path: string, signal?: AbortSignal): Promise<Response> {
  const send = () => {
    const token = getAccessToken();
    return fetch(`${API_BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'same-origin', signal });
  };
  let res = await send();
  if (res.status === 401 && (await refreshSession())) res = await send();
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** Reads a response body to its end, telling onProgress after every chunk. */
export async function readWithProgress(res: Response, onProgress: (p: Progress) => void): Promise<Blob> {
  const length = Number(res.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!res.body) {
    const blob = await res.blob();
    onProgress({ received: blob.size, total });
    return blob;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** Downloads path and saves it under the server's file name; returns that name. */
export async function downloadExport(path: string, fallbackName: string, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<string> {
  const res = await get(path, signal);
  const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  const blob = await readWithProgress(res, onProgress);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start saving before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** The print view's content. */
export async function getExportedPlan(documentId: string, lang: Language, signal?: AbortSignal): Promise<ExportedPlan> {
  const res = await get(`/documents/${encodeURIComponent(documentId)}/export.json?lang=${lang}`, signal);
  return (await res.json()) as ExportedPlan;
}
