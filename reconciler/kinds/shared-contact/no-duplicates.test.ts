/**
 * No duplicate shared contacts (issue 13 #4, #5), against the emulator over real HTTP: a contacts list that
 * answers `200 []` once (a lying page) makes the plan show creates, but the create re-reads the directory
 * by name first and updates the entry that is there — the platform keeps exactly one of each. Duplicates
 * already on the platform are reported as such.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, DOMAIN, startTestEnv, type TestEnv } from '../../../test/test-support/helpers';
import { loadDesiredState } from '../../desired/load-desired-state';
import { applyPlanRun } from '../../operations';
import { runPlan } from '../../pipeline';
import { NetSapiensClient } from '../../platform/client';
import { renderText } from '../../plan/render';

let t: TestEnv | undefined;
let client: NetSapiensClient | undefined;
afterEach(async () => {
  await client?.close();
  await t?.close();
  t = client = undefined;
});

const contact = (first: string, id: string) => ({
  'unique-id': id,
  'name-first-name': first,
  'name-last-name': 'Plumbing',
  company: 'Acme',
  'created-datetime': `2025-01-0${id}T00:00:00Z`,
});

async function setup(contacts: Record<string, unknown>[]) {
  t = await startTestEnv({ domains: { [DOMAIN]: { domain: { description: 'Acme' }, users: [], contacts } } });
  const file = t.write(
    'acme.yaml',
    `version: 1\ndomain: ${DOMAIN}\nshared_contacts:\n  - { first_name: Bob, last_name: Plumbing, company: Acme }\n  - { first_name: Eve, last_name: Plumbing, company: Acme }\n`,
  );
  client = new NetSapiensClient({ baseUrl: t.emu.url, apiKey: API_KEY, requestsPerSecond: 10_000 });
  const plan = () => runPlan(loadDesiredState(file, { cwd: t!.dir }), client!);
  const names = () =>
    t!.emu
      .state()
      .domains[DOMAIN]!.contacts.map((c) => String(c['name-first-name']))
      .sort();
  return { t, plan, names, client, auditPath: join(t.dir, 'audit.jsonl') };
}

describe('shared contacts are never duplicated', () => {
  it('a contacts list answering 200 [] at plan time does not re-create what is there', async () => {
    const { t, plan, names, client, auditPath } = await setup([contact('Bob', '1'), contact('Eve', '2')]);
    t.emu.faults.add({ method: 'GET', path: '/domains/*/contacts', status: 200, body: [], times: 1 });
    const run = await plan();
    expect(run.document.summary.create).toBe(2);
    const result = await applyPlanRun({ client, run, auditPath, context: { tool: 'test' } });
    expect(result.results.map((r) => r.result)).toEqual(['applied', 'applied']);
    expect(names()).toEqual(['Bob', 'Eve']);
    expect(t.writes().filter((w) => w.method === 'POST')).toHaveLength(0);
    expect((await plan()).document.summary.changes).toBe(0);
  });

  it('a create whose answer was cut mid-body is not sent again', async () => {
    const { t, plan, names, client, auditPath } = await setup([]);
    t.emu.faults.add({ method: 'POST', path: '/domains/*/contacts', cutBody: true, times: 2 });
    const result = await applyPlanRun({ client, run: await plan(), auditPath, context: { tool: 'test' } });
    expect(result.results.map((r) => r.result)).toEqual(['applied', 'applied']);
    expect(names()).toEqual(['Bob', 'Eve']);
  });

  it('duplicates already on the platform are reported as duplicates, not planned as creates', async () => {
    const { plan } = await setup([contact('Bob', '1'), contact('Bob', '2'), contact('Eve', '3')]);
    const run = await plan();
    expect(run.document.summary.changes).toBe(0);
    expect(renderText(run.document)).toMatch(/unmanaged shared_contact Bob Plumbing @ Acme #2 .*duplicate/);
  });
});
