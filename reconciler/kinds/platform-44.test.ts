/**
 * Issue 12 "must show" 2: plan → apply → plan = 0 for examples/small-office against the strict emulator in
 * its default (45.0) and its 44.1.2 mode, with zero contract violations, over real HTTP.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator';
import { applyDomainPlan } from '../apply/apply-plan';
import { loadDesiredState } from '../desired/load-desired-state';
import { NetSapiensClient } from '../platform/client';
import { planDomain } from '../pipeline';
import { envSecretResolver } from './secret';

const ROOT = resolve(__dirname, '../..');
const KEY = 'nsd_platform_44_test_000000000000000000000000000000000000000000';
const SECRETS = envSecretResolver({ VM_PIN_1000: '4821', VM_PIN_1001: '2468' });

describe.each(['45.0', '44.1.2'])('small office against the strict emulator, apiversion %s', (apiVersion) => {
  it('plan → apply → plan = 0, no contract violation, e-mail stored in that version’s spelling', async () => {
    const emu = await startEmulator({ seed: join(ROOT, 'examples/demo/seed.yaml'), apiKeys: [KEY], apiVersion });
    const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
    try {
      const state = loadDesiredState(join(ROOT, 'examples/small-office'), { secrets: SECRETS });
      const first = await planDomain(client, state.domains[0]!, {});
      expect(first.plan.changes.length).toBeGreaterThan(0);
      const results = await applyDomainPlan({ plan: first.plan, desired: first.desired, live: first.live, client });
      expect(results.filter((r) => r.result !== 'applied')).toEqual([]);
      expect(emu.contractViolations).toEqual([]);
      const again = await planDomain(client, state.domains[0]!, {});
      expect(again.plan.changes.map((c) => `${c.kind}:${c.key} ${c.action}`)).toEqual([]);
      // Every user with an e-mail in the file has it stored (a 44.x server ignores `email-address`).
      const users = Object.values(emu.state().domains)[0]!.users;
      expect(users.some((u) => String(u['email-address'] ?? '').includes('@'))).toBe(true);
      // Exactly the spelling this version knows is sent (GET /version decides), never both.
      const posts = emu.requests.list().filter((r) => r.method === 'POST' && /\/users$/.test(r.path));
      expect(posts.length).toBeGreaterThan(0);
      const want = apiVersion.startsWith('44.') ? 'email' : 'email-address';
      const other = want === 'email' ? 'email-address' : 'email';
      for (const p of posts) {
        expect(Object.keys(p.body as object)).toContain(want);
        expect(Object.keys(p.body as object)).not.toContain(other);
      }
    } finally {
      await client.close();
      await emu.close();
    }
  });
});
