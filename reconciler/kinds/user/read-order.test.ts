/**
 * When the user kind's reads go out (issue 15): the answer rules of the users on each page of the list are
 * read as that page arrives, before the rest of the list is in, the long lists (devices; MAC records, when a MAC changes) wait for that first page, and
 * a failed list read leaves nothing in flight and sends nothing more. A gate in front of the emulator holds
 * the answer to the users' second page until an answer-rule read has arrived (or a second has passed).
 */
import * as http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../emulator';
import { USERS_FIRST_PAGE } from '../domain-reads';
import { loadDesiredState } from '../../desired/load-desired-state';
import { PlatformApiError } from '../../errors';
import { forwardTo } from '../../../test/test-support/forward';
import { planDomain } from '../../pipeline';
import { NetSapiensClient } from '../../platform/client';
import { envSecretResolver } from '../secret';

const KEY = 'nsd_readorder_test_000000000000000000000000000000000000000000000';
const DOMAIN = 'order.example.com';
const EXTS = ['1001', '1002', '1003', '1004', '1005'];
const mac = (i: number) => `0004f2${i.toString(16).padStart(6, '0')}`;

interface Seen {
  readonly path: string;
  readonly at: number;
  answeredAt?: number;
}

/** A forwarding server: records each request, holds the users' later pages per `hold`, answers per `answer`. */
async function gate(
  target: string,
  hold: (path: string, seen: readonly Seen[]) => Promise<void>,
  answer?: (path: string) => number | undefined,
) {
  const seen: Seen[] = [];
  const base = new URL(target);
  const server = http.createServer((req, res) => {
    const s: Seen = { path: (req.url ?? '').replace(/^\/ns-api\/v2/, ''), at: performance.now() };
    seen.push(s);
    res.on('finish', () => {
      s.answeredAt = performance.now();
    });
    void hold(s.path, seen).then(() => {
      const status = answer?.(s.path);
      if (status !== undefined) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: status, message: 'refused by the test' }));
        return;
      }
      forwardTo(base, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}${base.pathname}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const laterPage = (path: string) => /\/users\?(.*&)?start=[1-9]/.test(path);
const ruleRead = (path: string) => path.includes('/answerrules');

/** Resolves once an answer-rule read has arrived, or after a second. */
async function untilRuleRead(seen: readonly Seen[]): Promise<void> {
  const until = performance.now() + 1000;
  while (!seen.some((s) => ruleRead(s.path)) && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
}

let emu: RunningEmulator;
const dir = mkdtempSync(join(tmpdir(), 'pbxctl-readorder-'));
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  const users = EXTS.map((user) => ({ user, 'name-first-name': 'A', 'name-last-name': user }));
  const devices = EXTS.map((user, i) => ({
    user,
    device: user,
    'device-models-model': 'yealink-t54w',
    'device-provisioning-mac-address': mac(i),
  }));
  const answerrules = EXTS.map((user) => ({ user, 'time-frame': '*', enabled: 'yes' }));
  emu = await startEmulator({
    seed: { domains: { [DOMAIN]: { domain: { description: 'o' }, users, devices, answerrules } } },
    apiKeys: [KEY],
  });
  const lines = EXTS.map(
    (x, i) =>
      `  - { extension: "${x}", first_name: A, last_name: "${x}", phone: { mac: "${mac(i)}", model: yealink-t54w }, spam: voicemail }`,
  );
  writeFileSync(join(dir, 'domain.yaml'), `version: 1\ndomain: ${DOMAIN}\nusers:\n${lines.join('\n')}\n`);
});
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function plan(url: string, pages: number | 'default' = 3) {
  // Pages of 3: the 5 users are two pages.
  const pageSize = pages === 'default' ? undefined : pages;
  const client = new NetSapiensClient({ baseUrl: url, apiKey: KEY, pageSize, env: {}, sleep: async () => {} });
  open.push(client);
  const state = loadDesiredState(dir, { secrets: envSecretResolver({}) });
  return planDomain(client, state.domains[0] as (typeof state.domains)[number], {});
}

describe('the user kind’s read order', () => {
  it('reads the first page’s answer rules before the rest of the list is in; the long lists wait for it', async () => {
    const g = await gate(emu.url, async (path, seen) => {
      if (laterPage(path)) await untilRuleRead(seen);
    });
    open.push(g);
    const run = await plan(g.url);
    const first = g.seen.find((s) => ruleRead(s.path)) as Seen;
    const page2 = g.seen.find((s) => laterPage(s.path)) as Seen;
    const page1 = g.seen.find((s) => /\/users\?/.test(s.path) && !laterPage(s.path)) as Seen;
    expect(first.at).toBeLessThan(page2.answeredAt as number);
    // Every user's rules were read once; the first page's before the list was whole.
    expect(g.seen.filter((s) => ruleRead(s.path)).map((s) => s.path.split('/')[4])).toEqual(
      expect.arrayContaining(EXTS),
    );
    expect(g.seen.filter((s) => ruleRead(s.path))).toHaveLength(EXTS.length);
    const devices = g.seen.find((x) => x.path.split('?')[0]?.endsWith(`${DOMAIN}/devices`)) as Seen;
    expect(devices.at).toBeGreaterThanOrEqual(page1.answeredAt as number);
    // Every MAC of the file is already on its device (the device list says so): no MAC record is read.
    expect(g.seen.filter((x) => x.path.includes('/phones')).map((x) => x.path)).toEqual([]);
    // The file asks for what the platform has but the spam rule: each user is one update, nothing else.
    expect(run.plan.changes.map((c) => `${c.action} ${c.key}`)).toEqual(EXTS.map((x) => `update ${x}`));
  });

  it('reads each page’s answer rules as that page arrives, before the later pages are in', async () => {
    // Pages of 2: 1001–1002, 1003–1004, 1005. The last page is held until a rule of the second page is asked for.
    const secondPageRule = (path: string) => /\/users\/100[34]\/answerrules/.test(path);
    const g = await gate(emu.url, async (path, seen) => {
      if (!/\/users\?(.*&)?start=4/.test(path)) return;
      const until = performance.now() + 1000;
      while (!seen.some((s) => secondPageRule(s.path)) && performance.now() < until)
        await new Promise((r) => setTimeout(r, 5));
    });
    open.push(g);
    const run = await plan(g.url, 2);
    const rule = g.seen.find((s) => secondPageRule(s.path)) as Seen;
    const page3 = g.seen.find((s) => /\/users\?(.*&)?start=4/.test(s.path)) as Seen;
    expect(rule.at).toBeLessThan(page3.answeredAt as number);
    // Still one read per user, and the same plan.
    expect(g.seen.filter((s) => ruleRead(s.path))).toHaveLength(EXTS.length);
    expect(run.plan.changes.map((c) => `${c.action} ${c.key}`)).toEqual(EXTS.map((x) => `update ${x}`));
  });

  it('a failed users list is the error, nothing is left in flight and nothing more is sent', async () => {
    const g = await gate(
      emu.url,
      async (path, seen) => {
        if (laterPage(path)) await untilRuleRead(seen);
      },
      (path) => (laterPage(path) ? 403 : undefined),
    );
    open.push(g);
    const err = await plan(g.url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PlatformApiError);
    expect((err as PlatformApiError).status).toBe(403);
    expect((err as PlatformApiError).path).toMatch(/\/users$/);
    const sent = g.seen.length;
    expect(g.seen.every((s) => s.answeredAt !== undefined)).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(g.seen).toHaveLength(sent);
    // At most the first page's rules were read (3 users), and no MAC record one by one.
    expect(g.seen.filter((s) => ruleRead(s.path)).length).toBeLessThanOrEqual(3);
  });

  it('with the default page size, the users’ first page is USERS_FIRST_PAGE long: 5 users are one request', async () => {
    const g = await gate(emu.url, async () => {});
    open.push(g);
    await plan(g.url, 'default');
    const lists = g.seen.filter((s) => /\/users\?/.test(s.path)).map((s) => s.path.split('?')[1]);
    expect(lists).toEqual([`start=0&limit=${USERS_FIRST_PAGE}`]);
  });
});
