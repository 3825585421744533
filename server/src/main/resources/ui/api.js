// The tiny API client: same-origin fetch with the session cookie, the CSRF token on every change, and RFC 9457
// problem documents turned into errors whose message is the server's "detail" (it says what to fix).
let csrfToken = null;
let unauthorized = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function setCsrf(token) { csrfToken = token; }
export function onUnauthorized(fn) { unauthorized = fn; }

export async function api(method, path, body, headers = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) h['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, {
    method, headers: h, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let problem;
    try { problem = await res.json(); } catch { problem = { title: res.statusText }; }
    if (res.status === 401 && !path.startsWith('/api/v1/session')) unauthorized();
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  const etag = res.headers.get('ETag');
  if (etag && data && typeof data === 'object') Object.defineProperty(data, 'etag', { value: etag });
  return data;
}

/** The results of a paged list, following "next" in pages of 1000 until {@code max} (a /20 holds 4096 addresses). */
export async function list(path, max = 8192) {
  const sep = path.includes('?') ? '&' : '?';
  let r = await api('GET', `${path}${sep}limit=${Math.min(1000, max)}`);
  if (Array.isArray(r)) return r;
  const out = [...r.results];
  while (r.next && out.length < max) {
    r = await api('GET', r.next);
    out.push(...r.results);
  }
  return out;
}

export const q = encodeURIComponent;
