import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import { IncompleteListError } from '../errors';
import { NetSapiensClient } from './client';
import { SPEC_COUNTS, SPEC_PAGING, specPaging } from './paging';
import { type HostileServer, hostileServer, sendJson } from './test-support/hostile-server';

const SPEC = JSON.parse(readFileSync(join(__dirname, '../../vendor/netsapiens/openapi-v45.0.json'), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: Array<{ name?: string; $ref?: string }> }>>;
};

function declared(path: string): Set<string> {
  const op = SPEC.paths[path]?.get;
  return new Set((op?.parameters ?? []).map((p) => p.name ?? p.$ref?.split('/').pop() ?? ''));
}

describe('paging follows the spec', () => {
  it('SPEC_PAGING lists exactly the GET lists that declare start/limit (offset) or limit alone', () => {
    const expected: Record<string, string> = {};
    for (const path of Object.keys(SPEC.paths)) {
      if (path.includes('#') || path.endsWith('/count')) continue;
      const params = declared(path);
      if (params.has('start') && params.has('limit')) expected[path] = 'offset';
      else if (params.has('limit')) expected[path] = 'limit';
    }
    expect(SPEC_PAGING).toEqual(expected);
  });

  it('every SPEC_COUNTS pair is a GET list and a GET count of the spec', () => {
    for (const [list, count] of Object.entries(SPEC_COUNTS)) {
      expect(SPEC.paths[list]?.get, list).toBeDefined();
      expect(SPEC.paths[count]?.get, count).toBeDefined();
    }
  });

  it('the lists pbxctl reads: only users pages; devices, answer rules, contacts, filters, numbers do not', () => {
    expect(specPaging('/domains/acme/users')).toBe('offset');
    for (const p of ['devices', 'contacts', 'number-filters', 'phonenumbers', 'users/1000/answerrules']) {
      expect(specPaging(`/domains/acme/${p}`), p).toBe('none');
    }
    expect(specPaging('/domains/acme/phones')).toBe('limit');
  });
});

const KEY = 'nsd_paging_test_key';
const open: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const o of open.splice(0)) await o.close();
});
async function server(handler: Parameters<typeof hostileServer>[0]): Promise<HostileServer> {
  const s = await hostileServer(handler);
  open.push(s);
  return s;
}
function client(baseUrl: string, apiKey = KEY) {
  const c = new NetSapiensClient({ baseUrl, apiKey, env: {}, sleep: async () => {} });
  open.push(c);
  return c;
}
const users = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ user: String(1000 + from + i) }));

describe('against servers that page badly', () => {
  it('a users list that ignores start stops after the repeated page: 2 requests, not hundreds', async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/users/count')) return sendJson(res, 200, { total: 1500 });
      sendJson(res, 200, users(1000));
    });
    const err = await client(s.url)
      .listUsers('acme.example.com')
      .catch((e) => e);
    expect(err).toBeInstanceOf(IncompleteListError);
    expect(err.message).toMatch(/1000 records, but .*\/users\/count says 1500 \(the page at start=1000 repeats/);
    // Two list pages per round, the check repeated once: bounded, whatever the server does.
    expect(s.hits.filter((h) => h.path.endsWith('/users'))).toHaveLength(4);
  });

  it('…and when the count vouches for what was read (exactly one full page), the read is complete', async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/users/count')) return sendJson(res, 200, { total: 1000 });
      sendJson(res, 200, users(1000));
    });
    expect(await client(s.url).listUsers('acme.example.com')).toHaveLength(1000);
  });

  it('a server that ignores limit sends everything on the first page: one request', async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/count')) return sendJson(res, 200, { total: 2500 });
      sendJson(res, 200, users(2500));
    });
    expect(await client(s.url).listUsers('acme.example.com')).toHaveLength(2500);
    expect(s.hits.filter((h) => h.path.endsWith('/users'))).toHaveLength(1);
  });
});

describe('pages as they arrive', () => {
  it('onPage sees each page before the read ends, and not the repeated one that puts it in doubt', async () => {
    let seenAtSecondPage = -1;
    const pages: number[] = [];
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/users/count')) return sendJson(res, 200, { total: 2300 });
      const start = Number(hit.query.get('start') ?? 0);
      if (start === 1000 && seenAtSecondPage < 0) seenAtSecondPage = pages.length;
      // The third page repeats the second: the read is in doubt from there (the count settles it: incomplete).
      sendJson(res, 200, users(1000, Math.min(start, 1000)));
    });
    const err = await client(s.url)
      .listUsers('acme.example.com', { onPage: (records) => void pages.push(records.length) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(IncompleteListError);
    // The first page was seen before the second was asked for; the repeated page never was (two rounds).
    expect(seenAtSecondPage).toBe(1);
    expect(pages).toEqual([1000, 1000, 1000, 1000]);
  });

  it('firstPageSize: a small first page, then full pages from its end; a short page still ends the list', async () => {
    const asked: string[] = [];
    const pages: number[] = [];
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/users/count')) return sendJson(res, 200, { total: 1000 });
      const start = Number(hit.query.get('start') ?? 0);
      const limit = Number(hit.query.get('limit') ?? 1000);
      asked.push(`${start}+${limit}`);
      sendJson(res, 200, users(Math.max(0, Math.min(limit, 1000 - start)), start));
    });
    const got = await client(s.url).listUsers('acme.example.com', {
      firstPageSize: 100,
      onPage: (records) => void pages.push(records.length),
    });
    expect(got.map((u) => u.user)).toEqual(users(1000, 0).map((u) => u.user));
    // 1,000 users: still two list requests (the short second page ends it), no count needed.
    expect(asked).toEqual(['0+100', '100+1000']);
    expect(pages).toEqual([100, 900]);
  });

  it('firstPageSize: a server that ignores start after the small page leaves the read failed, not short', async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/users/count')) return sendJson(res, 200, { total: 1500 });
      const limit = Number(hit.query.get('limit') ?? 1000);
      sendJson(res, 200, users(Math.min(limit, 1500), 0));
    });
    const err = await client(s.url)
      .listUsers('acme.example.com', { firstPageSize: 100 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(IncompleteListError);
  });
});

describe('against servers that page badly: failed reads', () => {
  it('1-based paging (pages overlap by one record) is a failed read without a count', async () => {
    const s = await server((_req, res, hit) => {
      const start = Math.max(0, Number(hit.query.get('start') ?? 0) - 1);
      sendJson(res, 200, users(Math.min(1000, 1500 - start), start));
    });
    const err = await client(s.url)
      .list('/domains/acme.example.com/users')
      .catch((e) => e);
    expect(err).toBeInstanceOf(IncompleteListError);
    expect(err.message).toMatch(/not 0-based/);
  });

  it('an empty device list where /count says 2 is a failed read (unknown), never "no devices"', async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/devices/count')) return sendJson(res, 200, { total: 2 });
      sendJson(res, 200, []);
    });
    const err = await client(s.url)
      .listDomainDevices('acme.example.com')
      .catch((e) => e);
    expect(err).toBeInstanceOf(IncompleteListError);
    expect(err).toMatchObject({ received: 0, expected: 2 });
    expect(err.message).toMatch(/an empty list, but \/domains\/acme\.example\.com\/devices\/count says 2/);
    // Unpaged per the spec: no start/limit was sent.
    const lists = s.hits.filter((h) => h.path.endsWith('/devices'));
    expect(lists.every((h) => !h.query.has('start') && !h.query.has('limit'))).toBe(true);
  });

  it('a short answer-rule list fails only when the caller asks for the check', async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/count')) return sendJson(res, 200, { total: 3 });
      sendJson(res, 200, [{ 'time-frame': '*' }]);
    });
    const c = client(s.url);
    expect(await c.listAnswerRules('acme.example.com', '1000')).toHaveLength(1);
    await expect(c.listAnswerRules('acme.example.com', '1000', { checked: true })).rejects.toBeInstanceOf(
      IncompleteListError,
    );
    await expect(
      c.checkedList(
        '/domains/acme.example.com/users/1000/answerrules',
        '/domains/acme.example.com/users/1000/answerrules/count',
      ),
    ).rejects.toBeInstanceOf(IncompleteListError);
    // 'empty': a non-empty list is taken without asking /count (one request per user in a plan).
    const before = s.hits.length;
    expect(await c.listAnswerRules('acme.example.com', '1000', { checked: 'empty' })).toHaveLength(1);
    expect(s.hits.slice(before).map((h) => h.path)).toEqual(['/domains/acme.example.com/users/1000/answerrules']);
  });

  it("'empty': an empty answer-rule list where /count says 2 is a failed read", async () => {
    const s = await server((_req, res, hit) => {
      if (hit.path.endsWith('/count')) return sendJson(res, 200, { total: 2 });
      sendJson(res, 200, []);
    });
    await expect(
      client(s.url).listAnswerRules('acme.example.com', '1000', { checked: 'empty' }),
    ).rejects.toBeInstanceOf(IncompleteListError);
  });

  it('a full page of a limit-only list is a failed read (it cannot page)', async () => {
    const s = await server((_req, res) => sendJson(res, 200, users(1000)));
    await expect(client(s.url).list('/domains/acme.example.com/phones')).rejects.toThrow(/cannot page/);
    expect(s.hits[0].query.get('limit')).toBe('1000');
  });
});

describe('against the emulator', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      seed: {
        domains: {
          'lists.example.com': {
            users: users(5).map((u) => ({
              ...u,
              'name-first-name': 'F',
              'name-last-name': 'L',
              'user-scope': 'Basic User',
            })),
          },
        },
      },
      strictRequests: true,
    });
    open.push(emu);
  });

  it('reads users (paged, counted), devices and phone numbers (unpaged, counted), contacts (unpaged)', async () => {
    const c = client(emu.url, DEFAULT_API_KEY);
    emu.requests.reset();
    expect(await c.listUsers('lists.example.com')).toHaveLength(5);
    await c.listDomainDevices('lists.example.com');
    await c.listPhoneNumbers('lists.example.com');
    await c.listContacts('lists.example.com');
    const log = emu.requests
      .list()
      .map((r) => `${r.path}${r.query.start !== undefined ? `?start=${r.query.start}` : ''}`);
    expect(log.sort()).toEqual(
      [
        '/domains/lists.example.com/contacts',
        '/domains/lists.example.com/devices',
        '/domains/lists.example.com/devices/count',
        '/domains/lists.example.com/phonenumbers',
        '/domains/lists.example.com/phonenumbers/count',
        '/domains/lists.example.com/users/count',
        '/domains/lists.example.com/users?start=0',
      ].sort(),
    );
    expect(emu.contractViolations).toEqual([]);
  });
});
