// The API client: the base URL from /config.json (same origin when absent or empty), the bearer token, the page's
// language as Accept-Language (so the API's sentences come back in it), and the API.md error shape as ApiError.
import { lang } from './i18n.ts';
export type SiteConfig = {
  /** API base URL, e.g. https://abc.execute-api.eu-west-1.amazonaws.com; empty or absent: same origin. */
  apiUrl?: string;
  /** Cognito: with userPoolId, clientId and cognitoDomain the page signs in through the hosted UI (web/src/auth/). */
  userPoolId?: string;
  clientId?: string;
  /** Hosted UI domain, e.g. https://roster.auth.eu-west-1.amazoncognito.com (default derived from userPoolId is impossible). */
  cognitoDomain?: string;
  /** The OpenID issuer when it is not the user pool's own (a stand-in provider in tests). */
  oidcAuthority?: string;
  /** Station shown to branch and admin users (they have none of their own); default `demo`. */
  stationId?: string;
};

export type ErrorDetail = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let base = '';
let token: string | null = null;
let onUnauthorized: () => void = () => {};

export async function loadConfig(): Promise<SiteConfig> {
  try {
    const res = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store' });
    if (!res.ok) return {};
    const config = (await res.json()) as SiteConfig;
    base = (config.apiUrl ?? '').replace(/\/+$/, '');
    return config;
  } catch {
    return {};
  }
}

export const apiUrl = (path: string): string => `${base}${path}`;
export const setToken = (value: string | null): void => {
  token = value;
};
export const setUnauthorizedHandler = (fn: () => void): void => {
  onUnauthorized = fn;
};

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, Array.isArray(e?.details) ? e!.details! : []);
}

export type RequestInit = { auth?: boolean; accept?: string; headers?: Record<string, string> };

/** The Accept-Language of every call: the language the page shows, not the browser's. */
export const acceptLanguage = (): string => (lang() === 'zh' ? 'zh-CN,zh;q=0.9' : 'en');

export async function request(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': acceptLanguage(), ...(init.headers ?? {}) };
  if (init.accept) headers.accept = init.accept;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (init.auth !== false && token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401 && init.auth !== false) onUnauthorized();
    throw error;
  }
  return res;
}

export async function json<T>(method: string, path: string, body?: unknown, init?: RequestInit): Promise<T> {
  const res = await request(method, path, body, init);
  return (await res.json()) as T;
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await request('GET', path);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
