/**
 * Welcome e-mails exactly once (issue 13 #3) and visible (issue 14 #2), against the emulator over real HTTP:
 * the plan lists them, apply sends them once and audits them; one whose POST failed after the user was
 * created is owed and sent by the next apply (which has nothing else to do); one whose send was cut off
 * (ledger left at `sending`, as by a SIGKILL) is reported and never re-sent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API_KEY,
  DOMAIN,
  domainYaml,
  OFFICE,
  officeSeed,
  startTestEnv,
  type TestEnv,
} from '../../test/test-support/helpers';
import { welcomeLedgerPathFor, WelcomeLedger } from '../apply/welcome-ledger';
import { loadDesiredState } from '../desired/load-desired-state';
import { runPlan } from '../pipeline';
import { NetSapiensClient } from '../platform/client';
import { renderJson, renderMarkdown, renderText } from '../plan/render';
import { applyPlanRun } from './index';

let t: TestEnv | undefined;
let client: NetSapiensClient | undefined;
afterEach(async () => {
  await client?.close();
  await t?.close();
  t = client = undefined;
});

const context = { tool: 'pbxctl test' };

async function setup() {
  t = await startTestEnv(officeSeed([]));
  const file = t.write('acme.yaml', domainYaml({ users: OFFICE }));
  client = new NetSapiensClient({ baseUrl: t.emu.url, apiKey: API_KEY, requestsPerSecond: 10_000, maxAttempts: 1 });
  const auditPath = join(t.dir, 'audit.jsonl');
  const ledger = () => new WelcomeLedger(welcomeLedgerPathFor(auditPath));
  const plan = () =>
    runPlan(loadDesiredState(file, { cwd: t!.dir }), client!, { welcomeStatus: (d) => ledger().status(d) });
  const sent = () =>
    t!.emu
      .state()
      .domains[DOMAIN]!.emails_sent.map((e) => e.user)
      .sort();
  return { t, auditPath, plan, sent, client };
}

const audits = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { welcome_emails?: { user: string; result: string }[] });

describe('welcome e-mails', () => {
  it('a plan creating 3 users lists 3 welcome e-mails; apply sends each once and the audit records them', async () => {
    const { auditPath, plan, sent, client } = await setup();
    const run = await plan();
    const text = renderText(run.document);
    expect(text.match(/✉ welcome e-mail → \d+/g)).toEqual([
      '✉ welcome e-mail → 1001',
      '✉ welcome e-mail → 1002',
      '✉ welcome e-mail → 1003',
    ]);
    expect(text).toContain('3 welcome e-mails will be sent.');
    expect(renderMarkdown(run.document).match(/✉ welcome e-mail → \d+/g)).toHaveLength(3);
    expect(JSON.parse(renderJson(run.document)).domains[0].welcomes).toEqual(['1001', '1002', '1003']);
    const result = await applyPlanRun({ client, run, auditPath, context });
    expect(result.status).toBe('applied');
    expect(result.welcomes.map((w) => `${w.user} ${w.result}`)).toEqual(['1001 sent', '1002 sent', '1003 sent']);
    expect(sent()).toEqual(['1001', '1002', '1003']);
    expect(audits(auditPath)[0]?.welcome_emails).toEqual([
      { user: '1001', result: 'sent' },
      { user: '1002', result: 'sent' },
      { user: '1003', result: 'sent' },
    ]);
    const again = await plan();
    expect(again.document.summary.changes).toBe(0);
    expect(renderText(again.document)).not.toContain('✉');
    expect((await applyPlanRun({ client, run: again, auditPath, context })).status).toBe('no-changes');
    expect(sent()).toEqual(['1001', '1002', '1003']);
  });

  it('a welcome whose POST failed after the user was created is owed: the next plan lists it, the next apply sends it once', async () => {
    const { t, auditPath, plan, sent, client } = await setup();
    t.emu.faults.add({ method: 'POST', path: '/domains/*/users/1002/email', status: 500, times: 1 });
    const first = await applyPlanRun({ client, run: await plan(), auditPath, context });
    expect(first.welcomes.find((w) => w.user === '1002')?.result).toBe('failed');
    expect(sent()).toEqual(['1001', '1003']);
    const rerun = await plan();
    // The user exists now, so there is no change for it — but its welcome e-mail is still owed, and shown.
    expect(rerun.document.summary.changes).toBe(0);
    expect(renderText(rerun.document)).toContain('✉ welcome e-mail → 1002');
    const second = await applyPlanRun({ client, run: rerun, auditPath, context });
    expect(second.welcomes.map((w) => `${w.user} ${w.result}`)).toEqual(['1002 sent']);
    expect(sent()).toEqual(['1001', '1002', '1003']);
    expect((await plan()).document.domains[0]?.welcomes).toBeUndefined();
  });

  it('a send cut off mid-flight (ledger left at `sending`, as by SIGKILL) is reported and never re-sent', async () => {
    const { t, auditPath, plan, sent, client } = await setup();
    await applyPlanRun({ client, run: await plan(), auditPath, context });
    expect(sent()).toEqual(['1001', '1002', '1003']);
    // What a kill between `sending` and the outcome leaves: one more line for a user that is owed again.
    const path = welcomeLedgerPathFor(auditPath);
    writeFileSync(
      path,
      `${readFileSync(path, 'utf8')}${JSON.stringify({ type: 'welcome', state: 'sending', domain: DOMAIN, user: '1003', time: 'x' })}\n{"type":"welc`,
    );
    const run = await plan();
    const text = renderText(run.document);
    expect(text).toContain('‼ welcome e-mail → 1003 may not have been sent');
    expect(text).not.toContain('✉ welcome e-mail → 1003');
    expect((await applyPlanRun({ client, run, auditPath, context })).status).toBe('no-changes');
    expect(sent()).toEqual(['1001', '1002', '1003']);
    expect(t.emu.requests.list().filter((r) => r.method === 'POST' && r.path.endsWith('/email'))).toHaveLength(3);
  });
});
