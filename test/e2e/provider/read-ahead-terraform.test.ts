/**
 * Real terraform (1.11) + the real provider: the read-ahead of provider/framework/provider-service.ts starts a
 * resource's read at UpgradeResourceState. Against real Terraform it must not change what is read: a refreshing
 * plan reads each user's answer rules exactly once (as many reads as users, none twice, none of a user outside
 * the configuration), and `terraform plan -refresh=false` reads no user at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../../emulator';
import {
  createWorkspace,
  DOMAIN,
  ensureBuilt,
  HAVE_TERRAFORM,
  type TfWorkspace,
} from '../../../provider/test-support/resources';

if (!HAVE_TERRAFORM) console.warn('SKIPPED: read-ahead-terraform.test.ts needs the terraform binary on PATH');

// More users than Terraform's parallelism (10), so most refreshes come after the first one (read-ahead on).
const USERS = Array.from({ length: 24 }, (_, i) => String(1001 + i));
// One user on the platform that the configuration does not name: never read.
const OUTSIDE = '1999';

const seed = {
  domains: {
    [DOMAIN]: {
      domain: { description: 'Acme', 'time-zone': 'America/New_York' },
      users: [...USERS, OUTSIDE].map((u) => ({
        user: u,
        'name-first-name': `F${u}`,
        'name-last-name': 'L',
        'email-address': `u${u}@acme.example.com`,
      })),
    },
  },
};

const config = `terraform {
  required_providers {
    netsapiens = { source = "pbxctl/netsapiens" }
  }
}
provider "netsapiens" {}
${USERS.map(
  (u) => `
import {
  to = netsapiens_user.u${u}
  id = "${DOMAIN}/${u}"
}
resource "netsapiens_user" "u${u}" {
  domain     = "${DOMAIN}"
  extension  = "${u}"
  first_name = "F${u}"
  last_name  = "L"
  email      = "u${u}@acme.example.com"
  block      = ["+1 800 555 0199"]
}`,
).join('\n')}
`;

describe.skipIf(!HAVE_TERRAFORM)('terraform E2E: read-ahead reads what the refresh reads, once', () => {
  let emu: RunningEmulator;
  let ws: TfWorkspace;
  let work: string;
  const tf = (...args: string[]) => ws.tf(work, ...args, '-no-color', '-input=false');
  const ruleReads = () =>
    emu.requests
      .list()
      .filter((r) => r.method === 'GET' && /^\/domains\/[^/]+\/users\/[^/]+\/answerrules$/.test(r.path))
      .map((r) => r.path.split('/')[4] as string)
      .sort();
  const userReads = () =>
    emu.requests.list().filter((r) => r.method === 'GET' && /^\/domains\/[^/]+\/users(\/|$)/.test(r.path));

  beforeAll(async () => {
    ensureBuilt();
    emu = await startEmulator({ seed });
    ws = createWorkspace('pbxctl-tf-read-ahead-', { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY });
    work = join(ws.root, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'main.tf'), config);
    const init = await tf('init');
    expect(init.status, init.out).toBe(0);
    // Import every user, and apply the block list, so the next plan is empty.
    const apply = await tf('apply', '-auto-approve');
    expect(apply.status, apply.out).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await emu?.close();
  });

  it('a refreshing plan reads every configured user’s answer rules once, and nobody else’s', async () => {
    emu.requests.reset();
    const plan = await tf('plan', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(0); // no changes
    expect(ruleReads()).toEqual([...USERS].sort());
  }, 120_000);

  it('plan -refresh=false reads no user and no answer rule', async () => {
    emu.requests.reset();
    const plan = await tf('plan', '-refresh=false', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(0);
    expect(ruleReads()).toEqual([]);
    expect(userReads()).toEqual([]);
  }, 120_000);
});
