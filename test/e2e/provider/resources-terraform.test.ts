import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../../emulator';
import { loadDesiredState, envSecretResolver, NetSapiensClient, runPlan } from '../../../reconciler';
import {
  createWorkspace,
  DOMAIN,
  ensureBuilt,
  HAVE_TERRAFORM,
  ROOT,
  SEED,
  type TfWorkspace,
} from '../../../provider/test-support/resources';

/*
 * Real Terraform (1.11) + the real launcher bin/terraform-provider-netsapiens, installed from a
 * filesystem mirror under its own TF_CLI_CONFIG_FILE, against the emulator running in this process.
 * The HCL is examples/terraform, copied into a temp dir.
 */

if (!HAVE_TERRAFORM) {
  console.warn(
    '\n*** provider/resources/terraform-e2e.test.ts was SKIPPED: `terraform` is not on PATH. ***\n' +
      '*** Install Terraform >= 1.11 to check the netsapiens provider against real Terraform. ***\n',
  );
}

const PINS = { VM_PIN_1000: '7391', VM_PIN_1001: '2468' };

const EXTRA = (ext: string, department: string) => `
resource "netsapiens_user" "extra" {
  domain     = var.domain
  extension  = "${ext}"
  first_name = "Temp"
  last_name  = "Worker"
  department = "${department}"
  emergency_caller_id = "(212) 555-0100"
}
`;

describe.skipIf(!HAVE_TERRAFORM)('terraform E2E: examples/terraform against the emulator', () => {
  let emu: RunningEmulator;
  let ws: TfWorkspace;
  let work: string;

  const tf = (...args: string[]) => ws.tf(work, ...args, '-no-color');
  const ok = async (...args: string[]) => {
    const r = await tf(...args);
    expect(r.status, r.out).toBe(0);
    return r.out;
  };
  const users = () =>
    emu
      .state()
      .domains[DOMAIN]!.users.map((u) => String(u.user))
      .sort();

  beforeAll(async () => {
    ensureBuilt();
    emu = await startEmulator({ seed: SEED });
    ws = createWorkspace('pbxctl-tf-netsapiens-', {
      NS_API_URL: emu.url,
      NS_API_KEY: DEFAULT_API_KEY,
      TF_VAR_vm_pin_1000: PINS.VM_PIN_1000,
      TF_VAR_vm_pin_1001: PINS.VM_PIN_1001,
      TF_VAR_protect: '[]', // this file destroys everything at the end; protection: safety-terraform.test.ts
    });
    work = join(ws.root, 'work');
    cpSync(join(ROOT, 'examples', 'terraform'), work, {
      recursive: true,
      filter: (src) => !/(\.terraform|terraform\.tfstate|\.lock\.hcl)/.test(src),
    });
  }, 120_000);

  afterAll(async () => {
    await emu?.close();
    if (ws) rmSync(ws.root, { recursive: true, force: true });
  });

  it('init installs the real launcher from the filesystem mirror, offline', async () => {
    expect(await ok('init', '-input=false')).toContain('Installing pbxctl/netsapiens v0.1.0');
  }, 60_000);

  it('providers schema -json equals provider/schema/netsapiens.schema.json (emitted without Terraform)', async () => {
    const r = await ws.tf(work, 'providers', 'schema', '-json');
    expect(r.status, r.out).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      provider_schemas: Record<string, { resource_schemas: object; data_source_schemas: object }>;
    };
    expect(doc).toEqual(JSON.parse(readFileSync(join(ROOT, 'provider', 'schema', 'netsapiens.schema.json'), 'utf8')));
    const p = doc.provider_schemas['registry.terraform.io/pbxctl/netsapiens']!;
    expect(Object.keys(p.resource_schemas).sort()).toEqual([
      'netsapiens_auto_attendant',
      'netsapiens_call_queue',
      'netsapiens_domain_block_list',
      'netsapiens_emergency_address',
      'netsapiens_phone_number',
      'netsapiens_ring_group',
      'netsapiens_shared_contact',
      'netsapiens_site',
      'netsapiens_time_frame',
      'netsapiens_user',
    ]);
    expect(Object.keys(p.data_source_schemas).sort()).toEqual([
      'netsapiens_emergency_address',
      'netsapiens_site',
      'netsapiens_user',
    ]);
  }, 60_000);

  it('a reserved extension fails the plan with the diagnostic on the attribute', async () => {
    writeFileSync(join(work, 'extra.tf'), EXTRA('911', 'Temp'));
    const r = await tf('plan', '-input=false');
    expect(r.status).toBe(1);
    expect(r.out).toContain('Invalid extension');
    expect(r.out).toContain('extension 911 is reserved: a service number');
    expect(r.out).toMatch(/extension\s+=\s+"911"/);
    rmSync(join(work, 'extra.tf'));
  }, 60_000);

  it('apply of the small office, then plan -detailed-exitcode = 0', async () => {
    const plan = await tf('plan', '-input=false', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(2);
    expect(plan.out).toContain('Plan: 1 to import, 17 to add, 1 to change, 0 to destroy.');
    expect(plan.out).not.toContain(PINS.VM_PIN_1000); // write-only: Terraform does not even render it
    const apply = await ok('apply', '-auto-approve', '-input=false');
    expect(apply).toContain('Apply complete! Resources: 1 imported, 17 added, 1 changed, 0 destroyed.');
    expect(apply).toContain('owner_department = "Management"');
    expect(users()).toEqual(['1000', '1001', '1002', '1003', '2000', '2001', '3000', '3100']);
    const again = await tf('plan', '-input=false', '-detailed-exitcode');
    expect(again.status, again.out).toBe(0);
    expect(again.out).toContain('No changes.');
  }, 120_000);

  it('must-show 4: the same office in YAML (examples/small-office) plans to zero changes with pbxctl', async () => {
    const desired = loadDesiredState(join(ROOT, 'examples', 'small-office'), { secrets: envSecretResolver(PINS) });
    const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY });
    try {
      const run = await runPlan(desired, client);
      const changes = run.domains
        .flatMap((d) => d.plan.changes)
        .map((c) => `${c.action} ${c.id} ${c.fields.map((f) => f.path).join(',')}`);
      expect(changes).toEqual([]);
      expect(run.document.summary.changes).toBe(0);
    } finally {
      await client.close();
    }
    // ...and a different PIN in the environment is seen (the PIN Terraform set is really compared); the
    // example leaves PINs user-owned (the default policy), so it is reported rather than planned.
    const other = loadDesiredState(join(ROOT, 'examples', 'small-office'), {
      secrets: envSecretResolver({ ...PINS, VM_PIN_1000: '0000' }),
    });
    const client2 = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY });
    try {
      const run = await runPlan(other, client2);
      expect(run.domains.flatMap((d) => d.plan.changes).map((c) => c.id)).toEqual([]);
      expect(run.domains.flatMap((d) => d.plan.userOwned ?? [])).toEqual([
        { kind: 'user', key: '1000', path: 'voicemail.pin' },
      ]);
    } finally {
      await client2.close();
    }
  }, 60_000);

  it('in-place update, then replace on an extension change', async () => {
    writeFileSync(join(work, 'extra.tf'), EXTRA('1050', 'Temp'));
    await ok('apply', '-auto-approve', '-input=false');
    writeFileSync(join(work, 'extra.tf'), EXTRA('1050', 'Interns'));
    const plan = await ok('plan', '-input=false');
    expect(plan).toContain('netsapiens_user.extra will be updated in-place');
    expect(plan).toMatch(/department\s+= "Temp" -> "Interns"/);
    expect(plan).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    await ok('apply', '-auto-approve', '-input=false');
    expect(emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1050')?.department).toBe('Interns');
    writeFileSync(join(work, 'extra.tf'), EXTRA('1051', 'Interns'));
    const replace = await ok('plan', '-input=false');
    expect(replace).toContain('# forces replacement');
    expect(replace).toContain('must be replaced');
    expect(await ok('apply', '-auto-approve', '-input=false')).toContain('1 added, 0 changed, 1 destroyed');
    expect(users()).toContain('1051');
    expect(users()).not.toContain('1050');
    expect((await tf('plan', '-input=false', '-detailed-exitcode')).status).toBe(0);
  }, 120_000);

  it('out-of-band delete (through the emulator) is detected and re-created', async () => {
    emu.mutate((s) => {
      const d = s.domains[DOMAIN]!;
      d.users = d.users.filter((u) => u.user !== '1051');
    });
    const plan = await tf('plan', '-input=false', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(2);
    expect(plan.out).toContain('netsapiens_user.extra will be created');
    expect(plan.out).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    await ok('apply', '-auto-approve', '-input=false');
    expect(users()).toContain('1051');
  }, 120_000);

  it('drift made on the platform shows in the plan, with the platform value', async () => {
    emu.mutate((s) => {
      const u = s.domains[DOMAIN]!.users.find((x) => x.user === '1051')!;
      u.department = 'Ops';
    });
    const plan = await tf('plan', '-input=false', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(2);
    expect(plan.out).toMatch(/department\s+= "Ops" -> "Interns"/);
    await ok('apply', '-auto-approve', '-input=false');
  }, 120_000);

  it('import {} adopts existing objects (user by domain/extension, contact by unique-id)', async () => {
    await ok('state', 'rm', 'netsapiens_user.extra', 'netsapiens_shared_contact.security');
    const uid = String(
      emu.state().domains[DOMAIN]!.contacts.find((c) => c['name-first-name'] === 'Building')!['unique-id'],
    );
    writeFileSync(
      join(work, 'import.tf'),
      `import {\n  to = netsapiens_user.extra\n  id = "${DOMAIN}/1051"\n}\nimport {\n  to = netsapiens_shared_contact.security\n  id = "${DOMAIN}/${uid}"\n}\n`,
    );
    emu.requests.reset();
    const apply = await ok('apply', '-auto-approve', '-input=false');
    // Import state is the platform's canonical spelling ("12125550180"); the configured "(212) 555-0100"
    // is the same number, so the in-place "update" that adopts the configured spelling writes nothing.
    expect(apply).toContain('Apply complete! Resources: 2 imported, 0 added, 2 changed, 0 destroyed.');
    expect(emu.requests.list().filter((r) => r.method !== 'GET')).toEqual([]);
    rmSync(join(work, 'import.tf'));
    const again = await tf('plan', '-input=false', '-detailed-exitcode');
    expect(again.status, again.out).toBe(0);
  }, 120_000);

  it('destroy removes everything it created', async () => {
    const list = await ws.tf(work, 'state', 'list');
    expect(list.status, list.out).toBe(0);
    const managed = list.out.split('\n').filter((l) => l.startsWith('netsapiens_')).length;
    const out = await ok('destroy', '-auto-approve', '-input=false');
    // Every managed resource leaves the state; a phone number is only forgotten (pbxctl never releases one).
    expect(out).toContain(`Resources: ${managed} destroyed`);
    const d = emu.state().domains[DOMAIN]!;
    expect(users()).toEqual([]);
    expect(d.contacts).toEqual([]);
    expect(d.number_filters).toEqual([]);
    expect(readdirSync(work)).not.toContain('crash.log');
  }, 120_000);
});
