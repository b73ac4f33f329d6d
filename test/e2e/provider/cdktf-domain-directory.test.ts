import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../../emulator';
import { loadDesiredState, envSecretResolver, NetSapiensClient, runPlan } from '../../../reconciler';
import { BINDINGS_DIR, generateBindings, generatedFiles, SCHEMA_JSON } from '../../../scripts/gen-bindings';
import { NetsapiensProvider } from '../../../provider/bindings/provider';
import {
  createWorkspace,
  DOMAIN,
  ensureBuilt,
  HAVE_TERRAFORM,
  ROOT,
  SEED,
  type TfWorkspace,
} from '../../../provider/test-support/resources';
import { DomainDirectory } from '../../../provider/cdktf/domain-directory';

const SMALL_OFFICE = join(ROOT, 'examples', 'small-office');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

type TfJson = {
  variable: Record<string, { sensitive: boolean; type: string }>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  terraform: { required_providers: Record<string, { source: string }> };
};

describe('CDKTF bindings (provider/bindings)', () => {
  it('are fresh: regenerated from the committed schema JSON, offline (npm run gen:bindings)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'pbxctl-bindings-fresh-'));
    try {
      await generateBindings(JSON.parse(readFileSync(join(ROOT, SCHEMA_JSON), 'utf8')), tmp);
      const committed = join(ROOT, BINDINGS_DIR);
      expect(generatedFiles(tmp)).toEqual(generatedFiles(committed));
      for (const f of generatedFiles(tmp)) {
        expect(readFileSync(join(committed, f), 'utf8'), `${f} is stale: run npm run gen:bindings`).toBe(
          readFileSync(join(tmp, f), 'utf8'),
        );
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('compile with tsc against cdktf@0.21.0 and constructs (provider/bindings/tsconfig.json)', () => {
    execFileSync(process.execPath, [TSC, '-p', join(BINDINGS_DIR, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);
});

describe('DomainDirectory (the pbxctl YAML → netsapiens resources)', () => {
  it('emits every object of examples/small-office with PIN variables and member ordering', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'pbxctl-cdktf-unit-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'office');
      new NetsapiensProvider(stack, 'netsapiens', {});
      const dir = new DomainDirectory(stack, 'acme', { path: SMALL_OFFICE });
      expect(dir.domain).toBe(DOMAIN);
      app.synth();
      const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'office', 'cdk.tf.json'), 'utf8')) as TfJson;
      expect(json.terraform.required_providers.netsapiens?.source).toBe('pbxctl/netsapiens');
      expect(Object.keys(json.variable).sort()).toEqual(['VM_PIN_1000', 'VM_PIN_1001']);
      expect(json.variable.VM_PIN_1000).toMatchObject({ sensitive: true, type: 'string' });
      const count = (t: string) => Object.keys(json.resource[t] ?? {}).length;
      expect([
        count('netsapiens_user'),
        count('netsapiens_ring_group'),
        count('netsapiens_shared_contact'),
        count('netsapiens_domain_block_list'),
      ]).toEqual([4, 2, 2, 1]);
      const users = Object.values(json.resource.netsapiens_user!);
      const grace = users.find((u) => u.extension === '1000')!;
      expect(grace).toMatchObject({
        domain: DOMAIN,
        first_name: 'Grace',
        caller_id_number: '+1 212 555 0100',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform interpolation, on purpose
        voicemail: { enabled: true, pin: '${var.VM_PIN_1000}', email_notification: 'attach' },
        phone: { mac: '00:04:f2:aa:bb:01', model: 'yealink-t54w' },
      });
      // Two devices: the desk phone by MAC and a softphone (an element with nothing set).
      expect(users.find((u) => u.extension === '1001')!.phones).toEqual([
        { mac: '00:04:f2:aa:bb:02', model: 'yealink-t54w', emergency_address: 'HQ' },
        {},
      ]);
      expect(users.find((u) => u.extension === '1002')!.phone).toEqual({});
      const group = Object.values(json.resource.netsapiens_ring_group!).find((g) => g.extension === '2000')!;
      expect(group.members).toEqual([
        { extension: '1001', delay_seconds: 10 },
        { extension: '1002' },
        { extension: '1003' },
      ]);
      expect((group.depends_on as string[]).length).toBe(4); // members + the fallback mailbox's user
      // No secret value anywhere in the synthesized file.
      expect(readFileSync(join(outdir, 'stacks', 'office', 'cdk.tf.json'), 'utf8')).not.toMatch(/"pin": "[0-9]/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('rejects YAML that pbxctl rejects (the loader runs at synth)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-cdktf-bad-'));
    try {
      writeFileSync(
        join(dir, 'd.yaml'),
        'version: 1\ndomain: x.example.com\nusers:\n  - { extension: "911", first_name: A, last_name: B }\n',
      );
      const stack = new TerraformStack(new App({ outdir: join(dir, 'out') }), 's');
      expect(() => new DomainDirectory(stack, 'd', { path: dir })).toThrow(/reserved/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (!HAVE_TERRAFORM) {
  console.warn(
    '\n*** provider/cdktf/domain-directory.test.ts: the CDKTF apply E2E was SKIPPED: `terraform` is not on PATH. ***\n',
  );
}

describe.skipIf(!HAVE_TERRAFORM)(
  'examples/cdktf: synth with plain node, then terraform init + apply through the same provider',
  () => {
    let emu: RunningEmulator;
    let ws: TfWorkspace;
    let stackDir: string;
    let resourceCount = 0;
    let app: string;
    const PINS = { VM_PIN_1000: '1357', VM_PIN_1001: '8642' };

    beforeAll(async () => {
      ensureBuilt();
      emu = await startEmulator({ seed: SEED });
      ws = createWorkspace('pbxctl-cdktf-e2e-', {
        NS_API_URL: emu.url,
        NS_API_KEY: DEFAULT_API_KEY,
        TF_VAR_VM_PIN_1000: PINS.VM_PIN_1000,
        TF_VAR_VM_PIN_1001: PINS.VM_PIN_1001,
      });
    }, 120_000);

    afterAll(async () => {
      await emu?.close();
      if (ws) rmSync(ws.root, { recursive: true, force: true });
    });

    it('synthesizes examples/cdktf/main.ts (tsc, then plain node)', () => {
      const build = join(ws.root, 'build');
      execFileSync(process.execPath, [TSC, '-p', join('examples', 'cdktf', 'tsconfig.json'), '--outDir', build], {
        cwd: ROOT,
        stdio: 'pipe',
      });
      app = join(ws.root, 'app');
      mkdirSync(app);
      cpSync(join(ROOT, 'examples', 'cdktf', 'cdktf.json'), join(app, 'cdktf.json'));
      execFileSync(process.execPath, [join(build, 'examples', 'cdktf', 'main.js')], {
        cwd: app,
        stdio: 'pipe',
        env: {
          ...process.env,
          NODE_PATH: join(ROOT, 'node_modules'),
          PBXCTL_DESIRED_STATE: SMALL_OFFICE,
          CDKTF_OUTDIR: join(app, 'cdktf.out'),
          PBXCTL_CDKTF_STATE_DIR: join(ws.root, 'state'),
        },
      });
      stackDir = join(app, 'cdktf.out', 'stacks', 'small-office');
      const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as TfJson;
      expect(Object.keys(json.resource).sort()).toEqual([
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
      resourceCount = Object.values(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
    }, 90_000);

    it('terraform init (mirror) + apply of the synthesized stack, then a clean plan', async () => {
      const init = await ws.tf(stackDir, 'init', '-input=false', '-no-color');
      expect(init.status, init.out).toBe(0);
      expect(init.out).toContain('Installing pbxctl/netsapiens v0.1.0');
      const apply = await ws.tf(stackDir, 'apply', '-auto-approve', '-input=false', '-no-color');
      expect(apply.status, apply.out).toBe(0);
      expect(apply.out).toContain(`Apply complete! Resources: ${resourceCount} added, 0 changed, 0 destroyed.`);
      const plan = await ws.tf(stackDir, 'plan', '-input=false', '-detailed-exitcode', '-no-color');
      expect(plan.status, plan.out).toBe(0);
      expect(plan.out).toContain('No changes.');
      // Issue 14 #9: the state is outside the app (the source tree), where PBXCTL_CDKTF_STATE_DIR says.
      expect(existsSync(join(ws.root, 'state', 'small-office.tfstate'))).toBe(true);
      const inApp = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? (e.name === '.terraform' ? [] : inApp(join(dir, e.name))) : [join(dir, e.name)],
        );
      expect(inApp(app).filter((f) => /\.tfstate/.test(f))).toEqual([]);
    }, 150_000);

    it('pbxctl plans the same YAML to zero changes against what CDKTF applied; destroy cleans up', async () => {
      const desired = loadDesiredState(SMALL_OFFICE, { secrets: envSecretResolver(PINS) });
      const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY });
      try {
        const run = await runPlan(desired, client);
        expect(run.domains.flatMap((d) => d.plan.changes).map((c) => c.id)).toEqual([]);
      } finally {
        await client.close();
      }
      const destroy = await ws.tf(stackDir, 'destroy', '-auto-approve', '-input=false', '-no-color');
      expect(destroy.status, destroy.out).toBe(0);
      expect(emu.state().domains[DOMAIN]!.users).toEqual([]);
    }, 150_000);
  },
);
