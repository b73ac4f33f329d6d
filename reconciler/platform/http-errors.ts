/**
 * The typed error of an HTTP error status (http.ts): 401/403 become `PlatformAuthError` with a hint that
 * names the credential and, for a key, the scope its prefix stands for; other statuses `PlatformApiError`,
 * retryable for a read answered 408, 429 or 5xx (but 501).
 */
import { PlatformApiError, PlatformAuthError } from '../errors';
import { isRead } from './retry';

export interface ErrorSource {
  readonly host: string;
  /** The client logs in with OAuth (else an API key). */
  readonly oauth: boolean;
  readonly apiKey?: string;
  readonly requestId?: string;
}

export function httpError(
  req: { readonly method: string; readonly path: string },
  status: number,
  message: string,
  source: ErrorSource,
): PlatformApiError {
  const { method, path } = req;
  if (status === 401 || status === 403) {
    return new PlatformAuthError(
      status,
      method,
      path,
      source.host,
      message,
      authHint(status, method, source),
      source.requestId,
    );
  }
  const retryable = isRead(method) && (status === 408 || status === 429 || (status >= 500 && status !== 501));
  return new PlatformApiError(status, method, path, message, retryable, source.requestId);
}

function authHint(status: 401 | 403, method: string, source: ErrorSource): string {
  if (status === 401) {
    return source.oauth
      ? 'the OAuth login was refused: check NS_CLIENT_ID, NS_CLIENT_SECRET, NS_USERNAME and NS_PASSWORD'
      : 'the key in NS_API_KEY was refused: it is wrong, expired or revoked, or limited to other IP addresses';
  }
  const scope = scopeOfKey(source.apiKey);
  const which = scope ? ` (its scope: ${scope})` : '';
  return isRead(method)
    ? `this key cannot read here${which}: pbxctl needs an Office Manager key for the domain (nsd_…) or a Reseller key (nsr_…) over it`
    : `this key cannot write here${which}: apply needs an Office Manager (nsd_…) or Reseller (nsr_…) key that is not read-only`;
}

/** The scope an API key's documented prefix stands for (docs/reference/netsapiens-api.md §1.3); never the key itself. */
function scopeOfKey(key: string | undefined): string | undefined {
  const scopes: Record<string, string> = {
    nss_: 'Super User',
    nsr_: 'Reseller',
    nsd_: 'Office Manager',
    nsu_: 'Basic User',
  };
  return key ? scopes[key.slice(0, 4)] : undefined;
}
