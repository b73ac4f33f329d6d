// OAuth2 password grant as NetSapiens v2 serves it at POST /tokens (docs/reference/netsapiens-api.md §1.1): the
// alternative to API keys for hosted customers who only have an Office Manager login. Tokens are opaque
// random strings valid for `expires_in` seconds (3600 on every observed server); refresh tokens rotate.
import { randomBytes } from 'node:crypto';

export interface OAuthLogin {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
  /** Domain the login belongs to (default: the part after @ in username). */
  readonly domain?: string;
  readonly scope?: string;
}

interface Issued {
  readonly login: OAuthLogin;
  readonly expiresAt: number;
}

export interface TokenAnswer {
  readonly status: number;
  readonly body: unknown;
}

export class OAuthServer {
  private readonly access = new Map<string, Issued>();
  private readonly refresh = new Map<string, OAuthLogin>();

  constructor(
    private readonly logins: readonly OAuthLogin[],
    private readonly lifetimeSeconds = 3600,
    private readonly now: () => number = Date.now,
  ) {}

  /** Is this bearer token a live access token? */
  accepts(token: string): boolean {
    const issued = this.access.get(token);
    if (!issued) return false;
    if (issued.expiresAt <= this.now()) {
      this.access.delete(token);
      return false;
    }
    return true;
  }

  /** Expire every access token now (tests of refresh-on-401). */
  expireAll(): void {
    this.access.clear();
  }

  token(body: Record<string, unknown> | undefined, apiVersion: string): TokenAnswer {
    const b = body ?? {};
    const client = this.logins.find((l) => l.clientId === b.client_id && l.clientSecret === b.client_secret);
    if (!client) return { status: 401, body: { code: 401, message: 'Invalid client credentials' } };
    let login: OAuthLogin | undefined;
    if (b.grant_type === 'password') {
      login = this.logins.find(
        (l) => l.clientId === b.client_id && l.username === b.username && l.password === b.password,
      );
      if (!login) return { status: 401, body: { code: 401, message: 'Invalid username or password' } };
    } else if (b.grant_type === 'refresh_token') {
      login = typeof b.refresh_token === 'string' ? this.refresh.get(b.refresh_token) : undefined;
      if (!login) return { status: 401, body: { code: 401, message: 'Invalid refresh token' } };
      this.refresh.delete(b.refresh_token as string);
    } else {
      return { status: 400, body: { code: 400, message: 'Unsupported grant_type' } };
    }
    const accessToken = randomBytes(16).toString('hex');
    const refreshToken = randomBytes(16).toString('hex');
    this.access.set(accessToken, { login, expiresAt: this.now() + this.lifetimeSeconds * 1000 });
    this.refresh.set(refreshToken, login);
    const [user = '', domainPart = ''] = login.username.split('@');
    const domain = login.domain ?? domainPart;
    return {
      status: 200,
      body: {
        username: login.username,
        user,
        territory: 'emulator',
        domain,
        site: '',
        group: '',
        department: '',
        uid: login.username,
        login: login.username,
        scope: login.scope ?? 'Office Manager',
        user_email: '',
        displayName: user,
        access_token: accessToken,
        expires_in: this.lifetimeSeconds,
        token_type: 'Bearer',
        refresh_token: refreshToken,
        client_id: login.clientId,
        apiversion: `Version: ${apiVersion}`,
      },
    };
  }
}
