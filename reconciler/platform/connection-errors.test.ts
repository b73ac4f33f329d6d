import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import { type CliIo, reportError } from '../cli/run-cli';
import { EXIT } from '../cli/exit-codes';
import {
  PlatformAuthError,
  PlatformConnectionError,
  PlatformUrlError,
  UnsafePathSegmentError,
  UsageError,
} from '../errors';
import { NetSapiensClient } from './client';
import { oneLine, redact, segmentProblem } from './safety';
import { type HostileServer, hostileServer, sendJson } from './test-support/hostile-server';

let emu: RunningEmulator;
const open: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  emu = await startEmulator({ seed: { domains: { 'conn.example.com': { users: [] } } } });
});
afterAll(async () => {
  for (const o of open.splice(0)) await o.close();
  await emu?.close();
});

function client(baseUrl: string, apiKey = DEFAULT_API_KEY) {
  const c = new NetSapiensClient({ baseUrl, apiKey, env: {}, sleep: async () => {} });
  open.push(c);
  return c;
}
async function server(handler: Parameters<typeof hostileServer>[0]): Promise<HostileServer> {
  const s = await hostileServer(handler);
  open.push(s);
  return s;
}
/** What the CLI prints for an error, and its exit code. */
function rendered(err: unknown): { text: string; code: number } {
  let text = '';
  const io = {
    stdout: () => {},
    stderr: (s: string) => {
      text += s;
    },
    env: {},
    cwd: '/',
  } as CliIo;
  const code = reportError(err, io);
  return { text, code };
}
function expectOneLine(err: unknown, pattern: RegExp) {
  const { text, code } = rendered(err);
  expect(code).toBe(EXIT.error);
  expect(text.trimEnd().split('\n'), text).toHaveLength(1);
  expect(text).toMatch(/^pbxctl: /);
  expect(text).not.toMatch(/internal error/i);
  expect(text).toMatch(pattern);
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('connection mistakes are one line with the host and a hint', () => {
  it('a URL without a scheme is refused when the client is built', () => {
    for (const url of ['pbx.example.com/ns-api/v2', 'localhost:8080/ns-api/v2']) {
      let err: unknown;
      try {
        client(url);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PlatformUrlError);
      expectOneLine(
        err,
        new RegExp(`no http:// or https:// scheme — hint: write https://${url.replace(/[.]/g, '\\.')}`),
      );
    }
    expect(() => client('')).toThrow(/NS_API_URL is empty/);
    expect(() => client('ftp://pbx.example.com/ns-api/v2')).toThrow(/uses ftp:/);
    expect(() => client('https://admin:hunter22@pbx.example.com/ns-api/v2')).toThrow(/carries a user name or password/);
    expect(() => client('https://admin:hunter22@pbx.example.com/ns-api/v2')).not.toThrow(/hunter22/);
    expect(() => client(emu.url, 'nsd_key_with_newline\n')).toThrow(UsageError);
  });

  it('a URL missing /ns-api/v2 is probed with GET /version and says where the API is', async () => {
    const origin = new URL(emu.url).origin;
    const err = await failure(client(origin).getDomain('conn.example.com'));
    expect(err).toBeInstanceOf(PlatformUrlError);
    expectOneLine(err, new RegExp(`is missing /ns-api/v2: .* — hint: the API answers at ${origin}/ns-api/v2`));
    // Even with a key the server refuses (the emulator wants one for /version), it finds the API.
    const refused = await failure(client(origin, 'nsd_not_a_key').getDomain('conn.example.com'));
    expectOneLine(refused, /is missing \/ns-api\/v2/);
    // A proxy with its own prefix that does answer /version is fine.
    const s = await server((_req, res, hit) =>
      hit.path.endsWith('/version') ? sendJson(res, 200, { apiversion: '45.0' }) : sendJson(res, 200, { domain: 'x' }),
    );
    await expect(client(`${s.origin}/custom/prefix`).getDomain('x')).resolves.toEqual({ domain: 'x' });
  });

  it('connection refused', async () => {
    const s = await hostileServer(() => {});
    await s.close();
    const err = await failure(client(s.url).getDomain('conn.example.com'));
    expect(err).toMatchObject({ problem: 'refused', host: `127.0.0.1:${s.port}` });
    expectOneLine(
      err,
      /127\.0\.0\.1:\d+: connection refused \(GET \/domains\/conn\.example\.com\) — hint: nothing is listening/,
    );
  });

  it('DNS failure', async () => {
    const err = await failure(client('http://pbx.nonexistent.invalid/ns-api/v2').getDomain('conn.example.com'));
    expect(err).toBeInstanceOf(PlatformConnectionError);
    expect((err as PlatformConnectionError).problem).toBe('dns');
    expectOneLine(err, /pbx\.nonexistent\.invalid: the host name does not resolve .* — hint: check the host name/);
  });

  it('TLS failure (https:// to a plain-HTTP server)', async () => {
    const err = await failure(client(emu.url.replace('http://', 'https://')).getDomain('conn.example.com'));
    expect((err as PlatformConnectionError).problem).toBe('tls');
    expectOneLine(err, /TLS handshake failed .* — hint: check http:\/\/ vs https:\/\//);
  });

  it('401 names the key variable, never the key; 403 names the scope a write needs', async () => {
    const wrong = 'nsd_wrong_key_secret_value_123';
    const err = await failure(client(emu.url, wrong).getDomain('conn.example.com'));
    expect(err).toBeInstanceOf(PlatformAuthError);
    expectOneLine(err, /: 401 .* — hint: the key in NS_API_KEY was refused/);
    expect(rendered(err).text).not.toContain(wrong);
    const s = await server((_req, res) => sendJson(res, 403, { code: 403, message: 'Forbidden' }));
    const denied = await failure(client(s.url, 'nsu_basic_user_key').updateUser('conn.example.com', '1000', {}));
    expect(denied).toBeInstanceOf(PlatformAuthError);
    expectOneLine(denied, /403 Forbidden \(PUT .*\) — hint: this key cannot write here \(its scope: Basic User\)/);
  });
});

describe('secrets never reach an error', () => {
  it('a server that echoes the request (body and headers) in its error is redacted', async () => {
    const s = await server((req, res, hit) =>
      sendJson(res, 400, { code: 400, message: `bad request ${hit.body} auth=${req.headers.authorization}` }),
    );
    const key = 'nsd_echo_key_0123456789';
    const err = await failure(
      client(s.url, key).createUser('conn.example.com', {
        user: '1001',
        'voicemail-login-pin': '482913',
        'device-sip-registration-password': 'S1p-Pa$$word',
        nested: { secret: 'deep-secret-value' },
      }),
    );
    const { text } = rendered(err);
    for (const secret of [key, '482913', 'S1p-Pa$$word', 'deep-secret-value']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(text).toContain('"user":"1001"');
  });

  it('redact() keeps short secrets from mangling numbers, and oneLine() escapes controls', () => {
    expect(redact('HTTP 401: pin 40 rejected', ['40'])).toBe('HTTP 401: pin [redacted] rejected');
    expect(redact('a%2Fb and a/b', ['a/b'])).toBe('[redacted] and [redacted]');
    expect(oneLine('line1\nline2\u0007\u001b[31m')).toBe('line1 line2\\u0007\\u001b[31m');
  });
});

describe('names are validated before they become URL segments', () => {
  it('rejects .., /, %, ~, control characters and reserved words, without sending anything', async () => {
    const s = await server((_req, res) => sendJson(res, 200, {}));
    const c = client(s.url);
    const attempts: Array<Promise<unknown>> = [
      c.getDomain('..'),
      c.getDomain('acme/../../other'),
      c.getDomain('acme%2e%2e'),
      c.getDomain('acme\u001b[2J'),
      c.getUser('acme.example.com', '~'),
      c.getUser('acme.example.com', 'count'),
      c.sendEmail('acme.example.com', '..', {}),
      c.updateAnswerRule('acme.example.com', '1000', 'reorder', {}),
    ];
    for (const a of attempts) expect(await failure(a)).toBeInstanceOf(UnsafePathSegmentError);
    expect(s.hits).toEqual([]);
    const err = await failure(c.getDomain('bad\u0007name'));
    expectOneLine(err, /domain "bad\\u0007name" cannot be used in a request URL: it contains control characters/);
  });

  it('accepts the names the platform uses', () => {
    expect(segmentProblem('domain', 'acme.example.com')).toBeUndefined();
    expect(segmentProblem('domain', 'Test_12123')).toBeUndefined();
    expect(segmentProblem('user', '1001')).toBeUndefined();
    expect(segmentProblem('time-frame', '*')).toBeUndefined();
    expect(segmentProblem('time-frame', 'Business Hours')).toBeUndefined();
    expect(segmentProblem('phone-number', '+15551234567')).toBeUndefined();
    expect(segmentProblem('user', '12345678901234567')).toMatch(/at most 16/);
    expect(segmentProblem('domain', 'a b')).toMatch(/DomainNamePath/);
  });
});
