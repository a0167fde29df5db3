import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, errorKey, getAccessToken, onSessionChange, setSession } from '../src/api/client';
import type { Session } from '../src/api/types';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function session(token: string): Session {
  return {
    accessToken: token,
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    user: {
      id: '0123456789abcdef01234567',
      name: 'Aino Ohjaaja',
      email: 'aino@example.fi',
      language: 'fi',
      isAdmin: false,
      notificationEmail: '',
      isNational: false,
      version: 1,
      memberships: [],
    },
  };
}

function authHeader(call: unknown[]): string | undefined {
  const init = call[1] as RequestInit;
  return (init.headers as Record<string, string>)['Authorization'];
}

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    setSession(session('old-token'));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    setSession(null);
  });

  it('sends the bearer token', async () => {
    fetchMock.mockResolvedValueOnce(json(200, []));
    await api('/workspaces');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/workspaces');
    expect(authHeader(fetchMock.mock.calls[0])).toBe('Bearer old-token');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { error: { code: 'token_expired', message: 'expired' } }))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(200, [{ id: 'w1' }]));
    const result = await api<{ id: string }[]>('/workspaces');
    expect(result).toEqual([{ id: 'w1' }]);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/auth/refresh');
    expect((fetchMock.mock.calls[1][1] as RequestInit).credentials).toBe('same-origin');
    expect(authHeader(fetchMock.mock.calls[2])).toBe('Bearer new-token');
    expect(getAccessToken()).toBe('new-token');
  });

  it('signs out when the refresh fails and does not retry again', async () => {
    const seen: (Session | null)[] = [];
    const off = onSessionChange((s) => seen.push(s));
    fetchMock
      .mockResolvedValueOnce(json(401, { error: { code: 'token_expired', message: 'expired' } }))
      .mockResolvedValueOnce(json(401, { error: { code: 'unauthenticated', message: 'no' } }));
    const err = await api('/me').catch((e: unknown) => e);
    off();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('token_expired');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getAccessToken()).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('retries only once even if the retry is also 401', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { error: { code: 'token_invalid', message: 'x' } }))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(401, { error: { code: 'token_invalid', message: 'x' } }));
    await expect(api('/me')).rejects.toMatchObject({ status: 401, code: 'token_invalid' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('shares one refresh between concurrent 401s', async () => {
    let refreshCalls = 0;
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url.endsWith('/auth/refresh')) {
        refreshCalls++;
        return json(200, session('new-token'));
      }
      const auth = (init?.headers as Record<string, string>)['Authorization'];
      return auth === 'Bearer new-token' ? json(200, { ok: true }) : json(401, { error: { code: 'token_expired', message: '' } });
    });
    await Promise.all([api('/me'), api('/workspaces'), api('/reference')]);
    expect(refreshCalls).toBe(1);
  });

  it('does not refresh for calls marked noRefresh (sign-in)', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { error: { code: 'invalid_credentials', message: 'bad' } }));
    await expect(api('/auth/login', { method: 'POST', body: {}, noRefresh: true })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('maps error bodies to ApiError with code and field', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { error: { code: 'weak_password', message: 'too short', field: 'password' } }));
    const err = (await api('/setup', { method: 'POST', body: {}, noRefresh: true }).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(400);
    expect(err.code).toBe('weak_password');
    expect(err.field).toBe('password');
  });

  it('uses the internal code for bodies that are not the error format', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api('/workspaces')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(api('/auth/logout', { method: 'POST', noRefresh: true })).resolves.toBeUndefined();
  });

  it('builds query strings without empty values', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [], total: 0 }));
    await api('/organisations', { query: { q: 'kajaani', type: '', regionId: undefined, limit: 20, offset: 0 } });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/organisations?q=kajaani&limit=20&offset=0');
  });
});

describe('errorKey', () => {
  const known = new Set(['errors.last_coordinator', 'errors.internal']);
  const has = (k: string) => known.has(k);

  it('translates known codes as errors.<code>', () => {
    expect(errorKey(new ApiError(409, 'last_coordinator', 'x'), has)).toBe('errors.last_coordinator');
  });
  it('falls back to errors.internal for unknown codes and non-API errors', () => {
    expect(errorKey(new ApiError(400, 'brand_new_code', 'x'), has)).toBe('errors.internal');
    expect(errorKey(new Error('boom'), has)).toBe('errors.internal');
  });
});
