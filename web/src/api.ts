/**
 * The desk's HTTP client: typed GETs over the API and the JSON POSTs the ingest page makes. Errors carry the
 * API's `{error: {code, message}}` so views can show the reason, not just a status.
 */
import type { Analysis } from '../../src/core/types.js';

export type { Analysis };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'E_HTTP',
      body?.error?.message ?? `HTTP ${res.status}`,
    );
  }
  return body as T;
}

/** GET a JSON resource; `params` with null/empty values are left out. */
export async function getJson<T>(
  path: string,
  params?: Record<string, string | number | null | undefined>,
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {}))
    if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  const res = await fetch(q ? `${path}?${q}` : path, { headers: { Accept: 'application/json' } });
  return parse<T>(res);
}

/** POST JSON (state-changing requests are JSON, same origin, as the API requires). */
export async function postJson<T>(
  path: string,
  body: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await parse<T>(res), headers: res.headers };
}

export function article(id: string): Promise<Analysis> {
  return getJson<Analysis>(`/api/articles/${encodeURIComponent(id)}`);
}
