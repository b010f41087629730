import type { ErrorBody, ErrorCode } from '../../shared/errors';

/** A failed API call: the HTTP status and the server's error body (status 0 = no answer). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Sets what happens when the session is gone (the app navigates to /login). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

const loginPath = '/api/auth/login';

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

async function readError(res: Response): Promise<ErrorBody> {
  const fallbackCode: ErrorCode = res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  try {
    const body: unknown = await res.json();
    if (isErrorBody(body)) return body;
  } catch {
    // not JSON: fall through to a generic body
  }
  return { code: fallbackCode, message: `HTTP ${String(res.status)}` };
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, { code: 'INTERNAL', message: '' });
  }
  if (!res.ok) {
    const body = await readError(res);
    if (res.status === 401 && path !== loginPath) onUnauthorized();
    throw new ApiError(res.status, body);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** GET a JSON resource; query values that are empty are left out. */
export function apiGet<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return send<T>(qs ? `${path}?${qs}` : path, { method: 'GET', headers: { Accept: 'application/json' } });
}

/** POST or PATCH a JSON body. */
export function apiSend<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return send<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** POST one file as multipart/form-data in the field `file`. */
export function apiUpload<T>(path: string, file: Blob, fileName: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  return send<T>(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
}

/** The file name a download announces (RFC 5987 `filename*` first), or a fallback. */
function downloadName(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file through fetch rather than a plain link, so that the page can show progress while the
 * server makes it (a PDF takes seconds) and show the server's message when it cannot (503 busy, 403).
 */
export async function downloadFile(path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'INTERNAL', message: '' });
  }
  if (!res.ok) {
    const body = await readError(res);
    if (res.status === 401) onUnauthorized();
    throw new ApiError(res.status, body);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = downloadName(res, path.split('/').pop() ?? 'tep');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
