// Every call to the admin API goes through here, with the token from this tab's session storage.
// The token is never put in a URL, a log line or the page.

const TOKEN_KEY = 'inferencehost.admin-token';

export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A refused or failed call: status 0 when the host did not answer at all. */
export class ApiError extends Error {
  constructor(status, message, method, path) {
    super(message);
    this.status = status;
    this.method = method;
    this.path = path;
  }
}

/** Sends one request; resolves with the JSON answer and its ETag, rejects with an ApiError. */
export async function call(method, path, { body, ifMatch } = {}) {
  const headers = { Accept: 'application/json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'the host did not answer', method, path);
  }

  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }

  if (!response.ok) throw new ApiError(response.status, json?.error ?? response.statusText, method, path);
  return { json, etag: response.headers.get('ETag') };
}

export async function read(path) {
  return (await call('GET', path)).json;
}

/** A read whose 404 means "nothing there" (no rollout yet, or an endpoint this host does not have): null. */
export async function readOptional(path) {
  try {
    return await read(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const adminPath = (rest) => `/admin/v1${rest}`;

export const modelPath = (model, rest = '') => adminPath(`/models/${encodeURIComponent(model)}${rest}`);
