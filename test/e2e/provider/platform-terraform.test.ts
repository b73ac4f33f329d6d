/**
 * Real terraform (1.11) + the real provider against the emulator: the provider's `platform` block (issue 12).
 * A bad value fails `terraform validate` naming the attribute; with `spam_drop` set, `spam = "drop"` is written
 * as the profile's value, the welcome e-mail uses the profile's template and subject, and the next plan is empty.
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
  SEED,
  type TfWorkspace,
} from '../../../provider/test-support/resources';

if (!HAVE_TERRAFORM) console.warn('SKIPPED: platform-terraform.test.ts needs the terraform binary on PATH');

const config = (platform: string) => `terraform {
  required_providers {
    netsapiens = { source = "pbxctl/netsapiens" }
  }
}

provider "netsapiens" {
  platform {
${platform}
  }
}

resource "netsapiens_user" "tess" {
  domain     = "${DOMAIN}"
  extension  = "1001"
  first_name = "Tess"
  last_name  = "Form"
  email      = "tess@acme.example.com"
  spam       = "drop"
}
`;

describe.skipIf(!HAVE_TERRAFORM)('terraform E2E: the provider platform block', () => {
  let emu: RunningEmulator;
  let ws: TfWorkspace;
  let work: string;
  const tf = (...args: string[]) => ws.tf(work, ...args, '-no-color');

  beforeAll(async () => {
    ensureBuilt();
    emu = await startEmulator({ seed: SEED });
    ws = createWorkspace('pbxctl-tf-platform-', { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY });
    work = join(ws.root, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'main.tf'), config('    ring_group_service_code = "hunt"'));
    const init = await tf('init', '-input=false');
    expect(init.status, init.out).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await emu?.close();
  });

  it('validate names the bad attribute; apply writes spam and the welcome through the profile; plan is empty', async () => {
    const bad = await tf('validate');
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/"hunt" must start with "system-"/);
    expect(bad.out).toMatch(/ring_group_service_code/);

    writeFileSync(
      join(work, 'main.tf'),
      config(
        '    spam_drop     = "<Reject>"\n    welcome_email = { template = "acme_welcome.php", subject = "Welcome to Acme" }',
      ),
    );
    const apply = await tf('apply', '-auto-approve', '-input=false');
    expect(apply.status, apply.out).toBe(0);
    const d = emu.state().domains[DOMAIN]!;
    const rule = d.answerrules.find((r) => r.user === '1001' && r['time-frame'] === '*');
    expect(rule?.['forward-on-spam-call']).toMatchObject({ enabled: 'yes', parameters: ['<Reject>'] });
    expect(d.emails_sent.map((e) => [e.user, e.template, e.subject])).toEqual([
      ['1001', 'acme_welcome.php', 'Welcome to Acme'],
    ]);
    const plan = await tf('plan', '-detailed-exitcode', '-input=false');
    expect(plan.status, plan.out).toBe(0);
  }, 240_000);
});
