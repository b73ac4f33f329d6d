/**
 * Issue 12 must-show 1 (last item): shared contacts declare no paging in the spec, and the emulator — like the
 * platform — answers their list whole, ignoring `start`/`limit`. With 1,500 of them, `pbxctl plan` of a file
 * that manages all 1,500 finishes with zero changes in a bounded number of requests (it used to page until a
 * short page: 445 requests, `start=444000`, killed after 20 s). And a server that honours paging but then
 * repeats a page is stopped at the repeat with a failed ("unknown") read, never looped on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import { type CliIo, runCli } from '../cli/run-cli';
import { IncompleteListError } from '../errors';
import { NetSapiensClient } from './client';
import { hostileServer, sendJson } from './test-support/hostile-server';

const D = 'contacts.example.com';
const N = 1500;
const pad = (i: number) => String(i).padStart(4, '0');
const number = (i: number) => `1212555${pad(i)}`;

let emu: RunningEmulator;
let dir: string;
beforeAll(async () => {
  const contacts = Array.from({ length: N }, (_, i) => ({
    'name-first-name': `Vendor${pad(i)}`,
    'name-last-name': 'Desk',
    company: 'Supplies Co',
    'phonenumber-work': number(i),
  }));
  emu = await startEmulator({ seed: { domains: { [D]: { contacts } } } });
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-contacts-'));
  const entries = Array.from(
    { length: N },
    (_, i) =>
      `  - { first_name: Vendor${pad(i)}, last_name: Desk, company: Supplies Co, phones: { work: "+${number(i)}" } }`,
  );
  writeFileSync(join(dir, 'contacts.yaml'), `version: 1\ndomain: ${D}\nshared_contacts:\n${entries.join('\n')}\n`);
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('1,500 shared contacts on a list that ignores start/limit', () => {
  it('the emulator answers the contact list whole, whatever start and limit say (as the spec declares)', async () => {
    const c = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY, env: {} });
    try {
      const page = await c.request<unknown[]>('GET', `/domains/${D}/contacts`, { query: { start: 1000, limit: 10 } });
      expect(page).toHaveLength(N);
    } finally {
      await c.close();
    }
  });

  it('pbxctl plan of a file managing all 1,500 is zero changes, with one contact-list read', async () => {
    emu.requests.reset();
    const out: string[] = [];
    const io: CliIo = {
      stdout: (s) => void out.push(s),
      stderr: (s) => void out.push(s),
      env: { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY },
      cwd: dir,
    };
    const code = await runCli(['plan', 'contacts.yaml', '--detailed-exitcode'], io);
    expect(code, out.join('')).toBe(0);
    const log = emu.requests.list();
    const contactReads = log.filter((r) => r.path === `/domains/${D}/contacts`);
    expect(contactReads).toHaveLength(1);
    expect(contactReads[0]?.query.start).toBeUndefined();
    // Bounded: a handful of reads for the whole domain, not one per page or per contact.
    expect(log.length).toBeLessThan(20);
  });
});

describe('a server that honours paging, then repeats a page', () => {
  it('stops at the repeat: a failed read (unknown) naming the repeated page, in a bounded number of requests', async () => {
    const users = (from: number) => Array.from({ length: 1000 }, (_, i) => ({ user: String(10000 + from + i) }));
    const s = await hostileServer((_req, res, hit) => {
      if (hit.path.endsWith('/users/count')) return sendJson(res, 200, { total: 5000 });
      const start = Number(hit.query.get('start') ?? 0);
      // Honest for the first two pages; from start=2000 on it answers the page at 1000 again, forever.
      sendJson(res, 200, users(Math.min(start, 1000)));
    });
    const c = new NetSapiensClient({ baseUrl: s.url, apiKey: 'nsd_lying_server', env: {}, sleep: async () => {} });
    try {
      const err = await c.listUsers(D).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IncompleteListError);
      expect((err as Error).message).toMatch(/2000 records, but .*\/users\/count says 5000/);
      expect((err as Error).message).toMatch(/the page at start=2000 repeats the previous one/);
      expect((err as Error).message).toMatch(/nothing is treated as absent/);
      // Three pages (0, 1000, 2000) per round and the check once repeated, plus the counts: never more.
      const pages = s.hits.filter((h) => h.path.endsWith('/users'));
      expect(pages.map((h) => h.query.get('start'))).toEqual(['0', '1000', '2000', '0', '1000', '2000']);
    } finally {
      await c.close();
      await s.close();
    }
  });
});
