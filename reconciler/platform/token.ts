/**
 * OAuth2 password grant (`POST /tokens`), refreshed a minute before expiry and once after a 401. The password,
 * client secret and tokens never reach an error message: server text is redacted of them.
 */
import { PlatformApiError } from '../errors';
import { oneLine, redact } from './safety';
import { exchange, type TransportContext, WireFailure } from './transport';

export interface OAuthCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
}

interface AccessToken {
  readonly access: string;
  readonly refresh?: string;
  readonly expiresAt: number;
}

export class TokenSource {
  private token: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: OAuthCredentials,
    private readonly transport: () => TransportContext,
    private readonly onRequest: () => void,
  ) {}

  /** Secrets to redact from anything the platform says. */
  secrets(): string[] {
    const c = this.credentials;
    const out = [c.clientSecret, c.password];
    if (this.token) out.push(this.token.access, ...(this.token.refresh ? [this.token.refresh] : []));
    return out;
  }

  invalidate(): void {
    this.token = undefined;
  }

  async bearer(): Promise<string> {
    if (this.token && this.token.expiresAt - Date.now() > 60_000) return this.token.access;
    if (!this.pending) {
      const refresh = this.token?.refresh;
      this.pending = this.fetch(refresh)
        .catch((err) => (refresh ? this.fetch(undefined) : Promise.reject(err)))
        .finally(() => {
          this.pending = undefined;
        });
    }
    this.token = await this.pending;
    return this.token.access;
  }

  private async fetch(refreshToken: string | undefined): Promise<AccessToken> {
    const c = this.credentials;
    const grant = refreshToken
      ? { grant_type: 'refresh_token', refresh_token: refreshToken }
      : { grant_type: 'password', username: c.username, password: c.password };
    const body = { ...grant, client_id: c.clientId, client_secret: c.clientSecret };
    const secrets = new Set([...this.secrets(), ...(refreshToken ? [refreshToken] : [])]);
    this.onRequest();
    let res: Awaited<ReturnType<typeof exchange>>;
    try {
      res = await exchange(
        {
          method: 'POST',
          url: new URL(`${this.baseUrl}/tokens`),
          path: '/tokens',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          secrets,
        },
        this.transport(),
      );
    } catch (err) {
      throw err instanceof WireFailure ? err.error : err;
    }
    const fail = (message: string) =>
      new PlatformApiError(res.status, 'POST', '/tokens', oneLine(redact(message, secrets)), false);
    if (res.status >= 400) throw fail(platformMessage(res.text) ?? `HTTP ${res.status}`);
    let parsed: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(res.text);
    } catch {
      throw fail('token response is not JSON');
    }
    if (typeof parsed?.access_token !== 'string') throw fail('token response has no access_token');
    const seconds = Number(parsed.expires_in);
    return {
      access: parsed.access_token,
      refresh: typeof parsed.refresh_token === 'string' ? parsed.refresh_token : undefined,
      expiresAt: Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000,
    };
  }
}

/** The `message` of a `{code, message}` body, or the start of a non-JSON body. */
export function platformMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed?.message === 'string' ? parsed.message : undefined;
  } catch {
    return text.trim().slice(0, 200) || undefined;
  }
}
