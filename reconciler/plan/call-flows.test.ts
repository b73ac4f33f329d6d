/**
 * Call-flow changes in plans (issue 16 must-show 3 and 4), over real HTTP against the strict emulator with
 * the small-office example applied: a change to the after-hours time frame shows the main number's path
 * before and after for after-hours calls only (text, Markdown, JSON; redacted); a main number left
 * reaching nobody or two users forwarding to each other block the plan with the path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { applyDomainPlan } from '../apply/apply-plan';
import { loadDesiredState } from '../desired/load-desired-state';
import { envSecretResolver } from '../kinds/secret';
import { NetSapiensClient } from '../platform/client';
import { planDomain } from '../pipeline';
import { buildPlanDocument } from './plan-document';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

const ROOT = resolve(__dirname, '../..');
const KEY = 'nsd_call_flows_test_000000000000000000000000000000000000000000';
const SECRETS = envSecretResolver({ VM_PIN_1000: '4821', VM_PIN_1001: '2468' });
const ACME = readFileSync(join(ROOT, 'examples/small-office/acme.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'pbxctl-flows-'));
let emu: RunningEmulator;
let client: NetSapiensClient;

async function plan(yaml: string, flags = {}) {
  const file = join(dir, 'acme.yaml');
  writeFileSync(file, yaml);
  const state = loadDesiredState(file, { secrets: SECRETS });
  return planDomain(client, state.domains[0]!, flags);
}

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

beforeAll(async () => {
  emu = await startEmulator({ seed: join(ROOT, 'examples/demo/seed.yaml'), apiKeys: [KEY], strictRequests: true });
  client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  const run = await plan(ACME);
  expect(run.plan.violations).toEqual([]);
  await applyDomainPlan({ plan: run.plan, desired: run.desired, live: run.live, client });
  expect((await plan(ACME)).plan.changes).toEqual([]);
});
afterAll(async () => {
  await client?.close();
  await emu?.close();
});

describe('call flows in plans', () => {
  it('a later start of after hours on Mondays: the main number, after-hours calls only, before and after', async () => {
    const later = edit(ACME, 'monday: "00:00-08:59, 17:00-23:59"', 'monday: "00:00-08:59, 18:00-23:59"');
    const run = await plan(later);
    expect(run.plan.changes.map((c) => c.id)).toEqual(['time_frame:After hours']);
    expect(run.plan.violations).toEqual([]);
    const flows = run.plan.callFlows ?? [];
    expect(flows.map((f) => f.start)).toEqual(['12125550100']);
    const scenarios = flows[0]!.scenarios;
    expect(scenarios.map((s) => s.when)).toEqual(['After hours']);
    expect(scenarios[0]!.example).toMatch(/^monday 17:/);
    expect(scenarios[0]!.before.ends).toBe('voicemail 2001');
    expect(scenarios[0]!.after.ends).toBe('voicemail 1000');

    const doc = buildPlanDocument([run.plan], { [run.desired.domain]: run.inputs });
    const md = renderMarkdown(doc);
    expect(md).toContain('#### Where calls go');
    expect(md).toMatch(
      /\*\*phone number 12125550100\*\*, calls After hours \(e\.g\. monday 17:0\d\): voicemail 2001 → \*\*voicemail 1000\*\*/,
    );
    expect(md).toContain('2000: time frame "After hours" in effect, forward always');
    expect(md).not.toMatch(/calls (Business hours|Holidays|outside all time frames)/);
    const redacted = renderMarkdown(doc, { redactPii: true });
    expect(redacted).toContain('**phone number #1**, calls After hours');
    expect(redacted).not.toContain('12125550100');
    expect(renderText(doc)).toContain('≈ phone number 12125550100, calls After hours');
    const json = JSON.parse(renderJson(doc, { redactPii: true }));
    expect(json.domains[0].callFlows[0]).toMatchObject({ start: '#1', type: 'number' });
    expect(JSON.stringify(json.domains[0].callFlows)).not.toContain('12125550100');
  });

  it("a user's own time frame moved: that user's path before and after, at the frame's boundaries", async () => {
    const later = edit(ACME, 'tuesday: "15:00-16:00", thursday', 'tuesday: "16:00-17:00", thursday');
    const run = await plan(later);
    expect(run.plan.changes.map((c) => c.id)).toEqual(['user:1001']);
    expect(run.plan.changes[0]!.impact).toEqual([
      '1001: answering rules on time frame "School run" apply on tuesday 16:00-17:00 (was 15:00-16:00)',
    ]);
    const flows = run.plan.callFlows ?? [];
    expect(flows.map((f) => f.start)).toEqual(['1001']);
    const tuesday3pm = flows[0]!.scenarios.find((s) => s.example.startsWith('tuesday 15:'));
    expect(tuesday3pm).toBeDefined();
    expect(tuesday3pm!.when).toContain('School run');
    expect(tuesday3pm!.before.ends).toBe('voicemail 1001');
    expect(tuesday3pm!.after.ends).toBe('voicemail 1002');
  });

  it('no routing change, no call-flow section', async () => {
    const cosmetic = edit(ACME, 'department: Reception', 'department: Front office');
    const run = await plan(cosmetic);
    expect(run.plan.changes.map((c) => c.id)).toEqual(['ring_group:2000']);
    expect(run.plan.callFlows).toBeUndefined();
  });

  it('the main number routed to a ring group the file deletes: blocked, with the path', async () => {
    let gone = edit(ACME, 'prune: false', 'prune: true');
    gone = edit(gone, '  - extension: "2000"\n    name: Front Desk', '  - extension: "2002"\n    name: Front Desk');
    const run = await plan(gone, { allowDeletes: true });
    expect(run.plan.changes.map((c) => `${c.action} ${c.id}`)).toContain('delete ring_group:2000');
    const v = run.plan.violations.find((x) => x.rule === 'call_flow');
    expect(v?.message).toContain('a call to phone number …0100 reaches nobody');
    expect(v?.message).toContain('dead end: extension 2000 does not exist');
    expect(v?.message).not.toContain('12125550100');
    expect(v?.flag).toBeUndefined();
    const allowed = edit(gone, 'protect: ["1000"]', 'protect: ["1000"]\n  allow_dead_ends: ["+1 212 555 0100"]');
    expect((await plan(allowed, { allowDeletes: true })).plan.violations.filter((x) => x.rule === 'call_flow')).toEqual(
      [],
    );
  });

  it('a rule naming a time frame that exists nowhere is refused before planning, with where', async () => {
    const bad = edit(
      ACME,
      '{ time_frame: After hours, forward_always: "2001" }',
      '{ time_frame: Afterhours, forward_always: "2001" }',
    );
    await expect(plan(bad)).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ message: expect.stringContaining('time frame "Afterhours" is not in the files') }),
      ],
    });
  });

  it('two users forwarding always to each other: blocked as a loop, unless policy allows it', async () => {
    let loop = edit(
      ACME,
      '    spam: ring # drop/screen',
      '    answering_rules: [{ time_frame: "*", forward_always: "1003" }]\n    spam: ring # drop/screen',
    );
    loop = edit(
      loop,
      '    ring_timeout: 20\n',
      '    ring_timeout: 20\n    answering_rules: [{ time_frame: "*", forward_always: "1002" }]\n',
    );
    const run = await plan(loop);
    const messages = run.plan.violations.filter((x) => x.rule === 'call_flow').map((x) => x.message);
    expect(messages.some((m) => m.includes('extension 1002 is caught in a forwarding loop'))).toBe(true);
    expect(messages.join('\n')).toContain('loop: 1002 → 1003 → 1002');
    const allowed = edit(loop, 'protect: ["1000"]', 'protect: ["1000"]\n  allow_dead_ends: ["*"]');
    expect((await plan(allowed)).plan.violations).toEqual([]);
  });
});
