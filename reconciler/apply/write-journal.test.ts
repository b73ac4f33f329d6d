import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import { NetSapiensClient } from '../platform/client';
import { journalWrites, WriteJournal } from './write-journal';

const DOMAIN = 'journal.example.com';
let emu: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({
    seed: {
      domains: {
        [DOMAIN]: {
          users: [{ user: '1000', 'name-first-name': 'A', 'name-last-name': 'B', 'user-scope': 'Basic User' }],
        },
      },
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-journal-'));
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

function journaled(name: string, work: (c: NetSapiensClient) => Promise<unknown>) {
  return async () => {
    const c = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY, sleep: async () => {}, env: {} });
    const journal = new WriteJournal(join(dir, name), 'run-1');
    const stop = journalWrites(c, journal);
    try {
      await work(c);
    } finally {
      stop();
      journal.close();
      await c.close();
    }
    return readFileSync(join(dir, name), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; seq: number; result?: string; status?: number });
  };
}

const brief = (lines: { type: string; seq: number; result?: string; status?: number }[]) =>
  lines.map(
    (l) => `${l.seq} ${l.type}${l.result ? ` ${l.result}` : ''}${l.status !== undefined ? ` ${l.status}` : ''}`,
  );

describe('the write-ahead journal records every attempt', () => {
  it('a write dropped before handling: unknown, re-read (not landed), re-sent as a second intent', async () => {
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, drop: true, times: 1 });
    const lines = await journaled('a.jsonl', (c) => c.updateUser(DOMAIN, '1000', { department: 'A' }))();
    expect(brief(lines)).toEqual([
      '1 intent',
      '1 outcome unknown 0',
      '1 outcome not-landed 0',
      '2 intent',
      '2 outcome ok',
    ]);
    expect(emu.requests.list().filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('a write dropped after handling: unknown, re-read (landed), not re-sent', async () => {
    emu.requests.reset();
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, dropAfter: true, times: 1 });
    const lines = await journaled('b.jsonl', (c) => c.updateUser(DOMAIN, '1000', { department: 'B' }))();
    expect(brief(lines)).toEqual(['1 intent', '1 outcome unknown 0', '1 outcome landed 0']);
    expect(emu.requests.list().filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('a welcome e-mail refused with 429: failed (not acted on), then sent on the second attempt', async () => {
    emu.faults.add({ method: 'POST', path: `/domains/${DOMAIN}/users/1000/email`, status: 429, times: 1 });
    const lines = await journaled('c.jsonl', (c) => c.sendEmail(DOMAIN, '1000', { template: 't', subject: 's' }))();
    expect(brief(lines)).toEqual(['1 intent', '1 outcome failed 429', '2 intent', '2 outcome ok']);
  });
});
