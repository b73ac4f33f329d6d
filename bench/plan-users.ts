/**
 * Benchmark (not a test): plan over HTTP against the emulator for domains of N users, with and without
 * phones, answer rules and shared contacts. Prints wall time, HTTP requests and memory, and the ratios
 * between sizes (this machine is noisy: compare within one run).
 *
 *   npm run bench                # 100 and 1,000 users
 *   node dist/bench/run-all.js 100 1000 5000
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_KEY, startEmulator } from '../emulator';
import { loadDesiredState, KINDS, envSecretResolver, NetSapiensClient, runPlan } from '../reconciler';

export interface BenchCase {
  readonly name: string;
  readonly users: number;
  readonly full: boolean;
  readonly contacts: number;
}

export interface BenchResult extends BenchCase {
  readonly ms: number;
  readonly requests: number;
  readonly changes: number;
  readonly heapMb: number;
}

const DOMAIN = 'bench.example.com';
const hasKind = (name: string) => KINDS.some((k) => k.name === name);

export function seedFor(c: BenchCase) {
  const users = [];
  const devices = [];
  const answerrules = [];
  for (let i = 0; i < c.users; i++) {
    const ext = String(1000 + i);
    users.push({
      user: ext,
      'name-first-name': `First${i}`,
      'name-last-name': `Last${i}`,
      'email-address': `u${i}@bench.example.com`,
      department: i % 2 ? 'Sales' : 'Support',
      site: 'HQ',
      'user-scope': 'Basic User',
    });
    if (c.full) {
      devices.push({
        device: ext,
        user: ext,
        'device-models-model': 'yealink-t54w',
        'device-provisioning-mac-address': `0004f2${i.toString(16).padStart(6, '0')}`,
      });
      answerrules.push({
        user: ext,
        'time-frame': '*',
        enabled: 'yes',
        'forward-on-spam-call': { enabled: 'yes', parameters: [`vmail_${ext}`] },
        'phone-numbers-to-reject': { enabled: 'yes', parameters: ['18005550199'] },
        'phone-numbers-to-allow': { enabled: 'no', parameters: [] },
      });
    }
  }
  const contacts = Array.from({ length: c.contacts }, (_, i) => ({
    'name-first-name': `Vendor${i}`,
    'name-last-name': 'Contact',
    company: `Company ${i}`,
    'phonenumber-work': `1212555${String(i).padStart(4, '0')}`,
  }));
  return { domains: { [DOMAIN]: { domain: { description: 'bench' }, users, devices, answerrules, contacts } } };
}

export function desiredFor(c: BenchCase): string {
  const lines = ['version: 1', `domain: ${DOMAIN}`, 'users:'];
  for (let i = 0; i < c.users; i++) {
    const ext = String(1000 + i);
    // Every 10th user differs, so the plan has work to do.
    const dept = i % 10 === 0 ? 'Marketing' : i % 2 ? 'Sales' : 'Support';
    lines.push(
      `  - { extension: "${ext}", first_name: First${i}, last_name: Last${i}, email: u${i}@bench.example.com, department: ${dept}, site: HQ, scope: Basic User${c.full ? `, phone: { mac: "0004f2${i.toString(16).padStart(6, '0')}", model: yealink-t54w }, spam: voicemail, block: ["+1 800 555 0199"]` : ''} }`,
    );
  }
  if (c.contacts && hasKind('shared_contact')) {
    lines.push('shared_contacts:');
    for (let i = 0; i < c.contacts; i++)
      lines.push(
        `  - { first_name: Vendor${i}, last_name: Contact, company: Company ${i}, phones: { work: "+1 212 555 ${String(i).padStart(4, '0')}" } }`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export async function runCase(c: BenchCase): Promise<BenchResult> {
  const emu = await startEmulator({ seed: seedFor(c) });
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-'));
  writeFileSync(join(dir, 'bench.yaml'), desiredFor(c));
  const client = new NetSapiensClient({
    baseUrl: emu.url,
    apiKey: DEFAULT_API_KEY,
    requestsPerSecond: 100_000,
    concurrency: 8,
  });
  try {
    global.gc?.();
    const started = process.hrtime.bigint();
    const state = loadDesiredState(dir, { secrets: envSecretResolver({}) });
    const run = await runPlan(state, client, {});
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      ...c,
      ms,
      requests: client.stats.requests,
      changes: run.document.summary.changes,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    };
  } finally {
    await client.close();
    await emu.close();
  }
}
