/**
 * Real terraform (1.11) + the real provider against the emulator: secrets and safety.
 *  - issue 13 must-show 5: after `terraform apply` of examples/terraform, no PIN appears in terraform.tfstate,
 *    `terraform show -json`, `terraform state pull` or a saved plan file (the PIN did reach the platform).
 *  - issue 14 must-show 6: `terraform plan` replacing a user warns with the loss list (read at plan time);
 *    `terraform destroy` of the protected extension 1000 (examples/terraform's default) fails naming it.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../../emulator';
import {
  createWorkspace,
  DOMAIN,
  ensureBuilt,
  HAVE_TERRAFORM,
  ROOT,
  SEED,
  type TfWorkspace,
} from '../../../provider/test-support/resources';

if (!HAVE_TERRAFORM) console.warn('SKIPPED: safety-terraform.test.ts needs the terraform binary on PATH');

// Distinctive PINs, so a hit cannot be a coincidence.
const PINS = { vm_pin_1000: '739154', vm_pin_1001: '582046' };

/** Every entry of a zip file (a saved plan), inflated: the plan's contents, not its compressed bytes. */
function zipEntries(buf: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let i = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(i + 10);
  i = buf.readUInt32LE(i + 16);
  for (let n = 0; n < count; n++) {
    const method = buf.readUInt16LE(i + 10);
    const size = buf.readUInt32LE(i + 20);
    const nameLen = buf.readUInt16LE(i + 28);
    const extra = buf.readUInt16LE(i + 30);
    const comment = buf.readUInt16LE(i + 32);
    const local = buf.readUInt32LE(i + 42);
    const name = buf.subarray(i + 46, i + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    i += 46 + nameLen + extra + comment;
  }
  return out;
}

describe.skipIf(!HAVE_TERRAFORM)('terraform E2E: PINs out of state, protected extensions, loss warnings', () => {
  let emu: RunningEmulator;
  let ws: TfWorkspace;
  let work: string;
  const tf = (...args: string[]) => ws.tf(work, ...args, '-no-color');
  const ok = async (...args: string[]) => {
    const r = await tf(...args);
    expect(r.status, r.out).toBe(0);
    return r.out;
  };
  const noPin = (where: string, text: string) => {
    for (const pin of Object.values(PINS)) expect(text.includes(pin), `PIN found in ${where}`).toBe(false);
  };

  beforeAll(async () => {
    ensureBuilt();
    const seed = structuredClone(SEED) as Record<string, Record<string, Record<string, unknown>>>;
    // 1001 has 2 unheard and 1 saved voicemail: what a replacement would lose.
    seed.domains![DOMAIN]!.voicemails = { '1001': { new: [{ index: 'a' }, { index: 'b' }], save: [{ index: 'c' }] } };
    emu = await startEmulator({ seed });
    ws = createWorkspace('pbxctl-tf-safety-', {
      NS_API_URL: emu.url,
      NS_API_KEY: DEFAULT_API_KEY,
      TF_VAR_vm_pin_1000: PINS.vm_pin_1000,
      TF_VAR_vm_pin_1001: PINS.vm_pin_1001,
    });
    work = join(ws.root, 'work');
    cpSync(join(ROOT, 'examples', 'terraform'), work, {
      recursive: true,
      filter: (src) => !/(\.terraform|terraform\.tfstate|\.lock\.hcl)/.test(src),
    });
    await ok('init', '-input=false');
    await ok('apply', '-auto-approve', '-input=false');
  }, 240_000);

  afterAll(async () => {
    await emu?.close();
  });

  it('issue 13 must-show 5: no PIN in the state, show -json, state pull or a saved plan; the platform has it', async () => {
    const user = (ext: string) => emu.state().domains[DOMAIN]!.users.find((u) => u.user === ext);
    expect(user('1000')?.['voicemail-login-pin']).toBe(PINS.vm_pin_1000);
    expect(user('1001')?.['voicemail-login-pin']).toBe(PINS.vm_pin_1001);
    const state = readFileSync(join(work, 'terraform.tfstate'), 'utf8');
    expect(state).toContain('"pin_version": "1"');
    noPin('terraform.tfstate', state);
    noPin('show -json', await ok('show', '-json'));
    noPin('state pull', await ok('state', 'pull'));
    // A saved plan with a change (a PIN rotation: pin_version "1" → "2").
    writeFileSync(
      join(work, 'main.tf'),
      readFileSync(join(work, 'main.tf'), 'utf8').replace('pin_version        = "1" #', 'pin_version        = "2" #'),
    );
    const planned = await ok('plan', '-input=false', '-out=rotate.tfplan');
    expect(planned).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    noPin('plan output', planned);
    const entries = zipEntries(readFileSync(join(work, 'rotate.tfplan')));
    expect(entries.length).toBeGreaterThan(1);
    for (const e of entries) noPin(`rotate.tfplan:${e.name}`, e.data.toString('latin1'));
    noPin('show -json rotate.tfplan', await ok('show', '-json', 'rotate.tfplan'));
    for (const f of readdirSync(work)) if (/tfstate/.test(f)) noPin(f, readFileSync(join(work, f), 'utf8'));
  }, 240_000);

  it('issue 14 must-show 6: a plan replacing 1001 warns with what it would lose', async () => {
    const main = readFileSync(join(work, 'main.tf'), 'utf8');
    writeFileSync(join(work, 'main.tf'), main.replace('extension           = "1001"', 'extension           = "1071"'));
    const plan = await ok('plan', '-input=false');
    expect(plan).toContain('must be replaced');
    expect(plan).toContain('Warning: Replacing user 1001 loses data');
    expect(plan).toContain('3 voicemail messages (2 unheard)');
    expect(plan).toMatch(/ring_group \d+/);
    writeFileSync(join(work, 'main.tf'), main);
  }, 240_000);

  it('issue 14 must-show 6: terraform destroy of the protected extension 1000 fails, naming it', async () => {
    const r = await tf('destroy', '-auto-approve', '-input=false');
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('Extension 1000 is protected');
    expect(emu.state().domains[DOMAIN]!.users.some((u) => u.user === '1000')).toBe(true);
  }, 240_000);
});
