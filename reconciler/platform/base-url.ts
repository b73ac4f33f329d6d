/**
 * The API base URL (`NS_API_URL`): checked when the client is built, and — when its path does not end in
 * `/ns-api/v2` — probed once with `GET …/version` before the first call, so a URL that points at the portal or
 * the bare host says so instead of "domain does not exist".
 */
import { PlatformUrlError } from '../errors';
import { hasControl, oneLine } from './safety';

export const API_PATH = '/ns-api/v2';

export interface BaseUrl {
  /** Without a trailing slash. */
  readonly url: string;
  /** `host[:port]`, for messages. */
  readonly host: string;
  readonly origin: string;
  /** The path ends in `/ns-api/v2`. */
  readonly hasApiPath: boolean;
}

export function parseBaseUrl(raw: string | undefined): BaseUrl {
  const text = (raw ?? '').trim();
  if (text === '') {
    throw new PlatformUrlError('empty', 'NS_API_URL is empty — hint: set it to https://<your server>/ns-api/v2');
  }
  if (/\s/.test(text) || hasControl(text)) {
    throw new PlatformUrlError(
      'invalid',
      'NS_API_URL contains spaces or control characters — hint: check for a stray newline',
    );
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const guess = `https://${text.replace(/^\/+/, '').replace(/^[^/@]*@/, '')}`;
    throw new PlatformUrlError(
      'scheme',
      `NS_API_URL has no http:// or https:// scheme — hint: write ${oneLine(guess, 120)}${guess.endsWith(API_PATH) ? '' : API_PATH}`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PlatformUrlError('invalid', 'NS_API_URL is not a valid URL — hint: https://<your server>/ns-api/v2');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PlatformUrlError(
      'scheme',
      `NS_API_URL uses ${url.protocol}// — hint: the API speaks https:// (or http:// for a local emulator)`,
    );
  }
  if (url.username || url.password) {
    throw new PlatformUrlError(
      'credentials',
      `NS_API_URL for ${url.host} carries a user name or password — hint: remove it; credentials go in NS_API_KEY`,
    );
  }
  if (url.search || url.hash) {
    throw new PlatformUrlError(
      'query',
      `NS_API_URL for ${url.host} has a query or fragment — hint: https://${url.host}${API_PATH}`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return {
    url: `${url.origin}${path}`,
    host: url.host,
    origin: url.origin,
    hasApiPath: path.endsWith(API_PATH),
  };
}

/** A `GET /version` answer: a JSON object with `apiversion`. */
export function looksLikeVersion(status: number, text: string): boolean {
  if (status < 200 || status >= 300) return false;
  try {
    const parsed = JSON.parse(text) as { apiversion?: unknown };
    return typeof parsed?.apiversion === 'string';
  } catch {
    return false;
  }
}

function looksLikeAuthError(status: number, text: string): boolean {
  if (status !== 401 && status !== 403) return false;
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    return typeof parsed?.message === 'string';
  } catch {
    return false;
  }
}

/**
 * Probe a base URL whose path does not end in `/ns-api/v2`: fine when `<base>/version` answers like the API
 * (a proxy with its own prefix); otherwise a `PlatformUrlError` that says what to write instead.
 */
export async function probeApiPath(
  base: BaseUrl,
  get: (url: string) => Promise<{ status: number; text: string }>,
): Promise<void> {
  const here = await get(`${base.url}/version`);
  if (looksLikeVersion(here.status, here.text)) return;
  const shown = `${base.host}${new URL(base.url).pathname}`;
  const fixed = `${base.origin}${API_PATH}`;
  const there = await get(`${fixed}/version`).catch(() => undefined);
  // An API that wants credentials even for /version still answers there (401/403 `{code, message}`).
  if (there && (looksLikeVersion(there.status, there.text) || looksLikeAuthError(there.status, there.text))) {
    throw new PlatformUrlError(
      'api-path',
      `NS_API_URL (${shown}) is missing ${API_PATH}: GET /version there answered ${here.status} — hint: the API answers at ${fixed}`,
    );
  }
  throw new PlatformUrlError(
    'api-path',
    `NS_API_URL (${shown}) does not end in ${API_PATH} and GET /version there answered ${here.status}, not an API version — hint: set NS_API_URL to https://<your server>${API_PATH}`,
  );
}
