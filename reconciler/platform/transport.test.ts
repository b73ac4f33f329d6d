import { afterEach, describe, expect, it } from 'vitest';
import { NetSapiensClient } from './client';
import { type HostileServer, hostileServer } from './test-support/hostile-server';
import { decodeBody } from './transport';

const KEY = 'nsd_transport_test_key';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

/** A server that answers every GET with `parts`, written one by one (one chunk each, a pause between). */
async function chunked(parts: readonly Buffer[]): Promise<HostileServer> {
  const s = await hostileServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    for (const p of parts) {
      res.write(p);
      await new Promise((r) => setTimeout(r, 5));
    }
    res.end();
  });
  open.push(s);
  return s;
}

describe('response bodies as text (issue 15: all-ASCII bodies skip the UTF-8 decoder)', () => {
  it('decodes ASCII and UTF-8 alike to what UTF-8 decoding gives', () => {
    for (const text of ['[]', '[{"name-first-name":"Ann"}]', '[{"n":"Zoë Ångström 😀"}]', '']) {
      const body = Buffer.from(text, 'utf8');
      expect(decodeBody(body)).toBe(body.toString('utf8'));
    }
    // Bytes that are not UTF-8 decode as before (replacement characters), not as Latin-1.
    const bad = Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]);
    expect(decodeBody(bad)).toBe(bad.toString('utf8'));
    expect(decodeBody(bad)).not.toBe(bad.toString('latin1'));
  });

  it('reads a UTF-8 answer whose multi-byte characters are split across chunks', async () => {
    const json = Buffer.from(JSON.stringify([{ 'name-first-name': 'Zoë', 'name-last-name': 'Ångström 😀' }]), 'utf8');
    const cut = json.indexOf(Buffer.from('😀', 'utf8')) + 2; // inside the 4-byte emoji
    const at = json.indexOf(0xc3); // the first byte of "ë"
    const s = await chunked([json.subarray(0, at + 1), json.subarray(at + 1, cut), json.subarray(cut)]);
    const c = new NetSapiensClient({ baseUrl: s.url, apiKey: KEY, env: {} });
    open.push(c);
    expect(await c.request('GET', '/x')).toEqual([{ 'name-first-name': 'Zoë', 'name-last-name': 'Ångström 😀' }]);
  });

  it('reads a large all-ASCII answer in many chunks', async () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ user: String(1000 + i), note: 'x'.repeat(40) }));
    const json = Buffer.from(JSON.stringify(records), 'utf8');
    const parts = Array.from({ length: 8 }, (_, i) =>
      json.subarray(Math.floor((i * json.length) / 8), Math.floor(((i + 1) * json.length) / 8)),
    );
    const s = await chunked(parts);
    const c = new NetSapiensClient({ baseUrl: s.url, apiKey: KEY, env: {} });
    open.push(c);
    expect(await c.request('GET', '/x')).toEqual(records);
  });
});
