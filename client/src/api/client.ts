// The one place that talks HTTP to /api/v1. It keeps the access token in memory only,
// refreshes it once on a 401 and retries, and turns error bodies into ApiError.
import type { Session } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

type SessionListener = (session: Session | null) => void;

let accessToken: string | null = null;
let refreshInFlight: Promise<Session | null> | null = null;
const listeners = new Set<SessionListener>();

export function getAccessToken(): string | null {
  return accessToken;
}

/** Store (or clear) the session's access token and tell listeners (the auth context). */
export function setSession(session: Session | null): void {
  accessToken = session ? session.accessToken : null;
  for (const l of listeners) l(session);
}

export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = 'internal';
  let message = res.statusText || 'Request failed';
  let field: string | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; field?: unknown } };
    if (body && body.error && typeof body.error.code === 'string') {
      code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
      if (typeof body.error.field === 'string') field = body.error.field;
    }
  } catch {
    // Not JSON (a proxy error page, say): keep the generic code.
  }
  return new ApiError(res.status, code, message, field);
}

/**
 * POST /auth/refresh with the HttpOnly cookie. Concurrent callers share one request so a
 * rotated refresh token is never sent twice (the server would treat that as reuse).
 */
export function refreshSession(): Promise<Session | null> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      try {
        const res = await fetch(`${API_BASE}/auth/refresh`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        });
        if (!res.ok) {
          setSession(null);
          return null;
        }
        const session = (await res.json()) as Session;
        setSession(session);
        return session;
      } catch {
        setSession(null);
        return null;
      } finally {
        refreshInFlight = null;
      }
    })();
  }
  return refreshInFlight;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Do not try a refresh on 401 (used by login and other auth calls). */
  noRefresh?: boolean;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  let url = `${API_BASE}${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers['Authorization'] = `Bearer ${accessToken}`;
  return fetch(buildUrl(path, opts.query), {
    method: opts.method ?? 'GET',
    headers,
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    credentials: 'same-origin',
    signal: opts.signal,
  });
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(path, opts);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'internal', 'Network error');
  }
  if (res.status === 401 && !opts.noRefresh) {
    const session = await refreshSession();
    if (session) {
      res = await send(path, opts);
    }
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204 || res.status === 202) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The translation key for an error: errors.<code>, or errors.internal when unknown. */
export function errorKey(err: unknown, knownKey: (key: string) => boolean): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    if (knownKey(key)) return key;
  }
  return 'errors.internal';
}
