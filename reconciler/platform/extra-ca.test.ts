import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformConnectionError, UsageError } from '../errors';
import { NetSapiensClient } from './client';
import { extraCaConnectOptions, HANDED_OVER_CA_ENV } from './extra-ca';

const FIXTURES = join(__dirname, 'test-fixtures', 'private-ca');
const AUTHORITY = join(FIXTURES, 'authority.pem');

let dir: string;
let server: Server;
let url: string;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-extra-ca-'));
  // An https server whose certificate a private authority issued: it answers every GET with a domain.
  server = createServer(
    { cert: readFileSync(join(FIXTURES, 'server.pem')), key: readFileSync(join(FIXTURES, 'server.key')) },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ domain: 'ca.example.com', description: 'behind a private authority' }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/ns-api/v2`;
});
afterAll(async () => {
  for (const o of open.splice(0)) await o.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function client(env: Record<string, string>) {
  const c = new NetSapiensClient({ baseUrl: url, apiKey: 'nsd_test_key', env, sleep: async () => {} });
  open.push(c);
  return c;
}

describe('extra certificate authorities handed over by the provider launcher', () => {
  it('an https server of a private authority: trusted with the handed-over file, refused without it', async () => {
    const trusted = await client({ [HANDED_OVER_CA_ENV]: AUTHORITY }).getDomain('ca.example.com');
    expect(trusted).toMatchObject({ domain: 'ca.example.com' });
    const err = await client({})
      .getDomain('ca.example.com')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(PlatformConnectionError);
    expect((err as PlatformConnectionError).problem).toBe('tls');
    expect(String((err as Error).message)).toMatch(/NODE_EXTRA_CA_CERTS/);
  });

  it('only an https URL with a handed-over file gets its own secure context; otherwise Node decides', () => {
    expect(extraCaConnectOptions(url, { [HANDED_OVER_CA_ENV]: AUTHORITY }).secureContext).toBeDefined();
    expect(extraCaConnectOptions(url.replace('https:', 'http:'), { [HANDED_OVER_CA_ENV]: AUTHORITY })).toEqual({});
    expect(extraCaConnectOptions(url, {})).toEqual({});
    expect(extraCaConnectOptions(url, { [HANDED_OVER_CA_ENV]: '' })).toEqual({});
  });

  it('a file that cannot be read, or holds no certificate, is an error naming it — never a silent fallback', () => {
    const missing = join(dir, 'missing.pem');
    expect(() => client({ [HANDED_OVER_CA_ENV]: missing })).toThrow(UsageError);
    expect(() => client({ [HANDED_OVER_CA_ENV]: missing })).toThrow(
      new RegExp(`NODE_EXTRA_CA_CERTS names ${missing.replace(/[.]/g, '\\.')}, which cannot be read \\(ENOENT\\)`),
    );
    const empty = join(dir, 'empty.pem');
    writeFileSync(empty, 'not a certificate\n');
    expect(() => client({ [HANDED_OVER_CA_ENV]: empty })).toThrow(/which holds no PEM certificate/);
    // Plain http never reads it.
    const plain = new NetSapiensClient({
      baseUrl: 'http://127.0.0.1:1/ns-api/v2',
      apiKey: 'k',
      env: { [HANDED_OVER_CA_ENV]: missing },
    });
    open.push(plain);
  });
});
