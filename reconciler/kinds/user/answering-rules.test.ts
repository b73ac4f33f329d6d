/**
 * Answering rules over real HTTP against the emulator in strict-contract mode: create, change, reorder,
 * leave unlisted rules alone, `answering_rules_managed: all`, ring-group rules, export round-trip.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { exportDomain } from '../../export/export-domain';
import { envSecretResolver } from '../secret';
import { changeIds as ids, useFilePlatform } from '../test-support/file-platform';

const DOMAIN = 'rules.example.com';
const platform = useFilePlatform({
  domain: DOMAIN,
  seed: { domain: { description: 'rules', 'time-zone': 'America/New_York' } },
  flags: { allowDeletes: true },
});
const { write, planFile, applyAndReplan } = platform;
const rules = (user: string) =>
  platform.emu
    .state()
    .domains[DOMAIN]!.answerrules.filter((r) => r.user === user)
    .sort((a, b) => Number(a.order) - Number(b.order));

const FRAMES = `
time_frames:
  - { name: Business hours, type: days_of_week, days_of_week: { monday: "09:00-17:00" } }
  - name: Holidays
    type: holidays
    holidays: [{ name: Christmas Day, date: "2026-12-25" }]
  - { name: Lunch, type: days_of_week, days_of_week: { monday: "12:00-13:00" } }
`;
const BASE = `${FRAMES}
users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    ring_timeout: 20
    answering_rules:
      - { time_frame: Holidays, forward_always: "voicemail:1001" }
      - time_frame: Business hours
        forward_no_answer: "1002"
        forward_busy: "+1 917 555 0112"
        simultaneous_ring: [{ to: "1002", delay_seconds: 10 }]
  - { extension: "1002", first_name: Alan, last_name: Turing }
`;

describe('answering rules: idempotence ladder over HTTP', () => {
  it('create: rules land with the spec encodings, in file order, and re-plan is empty', async () => {
    const { run } = await applyAndReplan(BASE);
    expect(ids(run)).toContain('create user:1001 answering_rules,first_name,last_name,ring_timeout');
    const list = rules('1001');
    expect(list.map((r) => r['time-frame'])).toEqual(['Holidays', 'Business hours', '*']);
    expect(list[0]!['forward-always']).toEqual({ enabled: 'yes', parameters: ['vmail_1001'] });
    expect(list[1]!['simultaneous-ring']).toEqual({ enabled: 'yes', parameters: ['<OwnDevices>', '1002;delay=10'] });
    expect(list[1]!['forward-on-busy']).toEqual({ enabled: 'yes', parameters: ['19175550112'] });
  });

  it('change + reorder: one update, the rules swap priority, and the impact says so', async () => {
    const swapped = BASE.replace(
      / {6}- \{ time_frame: Holidays, forward_always: "voicemail:1001" \}\n([\s\S]*?) {2}- \{ extension: "1002"/,
      '$1      - { time_frame: Holidays, dnd: true }\n  - { extension: "1002"',
    );
    const { run } = await applyAndReplan(swapped);
    expect(ids(run)).toEqual(['update user:1001 answering_rules']);
    const impact = run.plan.changes[0]!.impact;
    expect(impact).toContain('calls to 1001 during "Holidays": do not disturb, nothing rings');
    expect(impact).toContain('the rules of 1001 apply in a new order: Business hours, Holidays');
    expect(rules('1001').map((r) => r['time-frame'])).toEqual(['Business hours', 'Holidays', '*']);
  });

  it('unlisted rules are left alone; `answering_rules_managed: all` deletes them', async () => {
    const only = `${FRAMES}
users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    ring_timeout: 20
    answering_rules: [{ time_frame: Lunch, forward_always: "1002" }]
  - { extension: "1002", first_name: Alan, last_name: Turing }
`;
    const { run } = await applyAndReplan(only);
    expect(ids(run)).toEqual(['update user:1001 answering_rules']);
    expect(run.plan.changes[0]!.impact).toContain('calls to 1001 during "Lunch" forward to 1002');
    expect(rules('1001').map((r) => r['time-frame'])).toEqual(['Lunch', 'Business hours', 'Holidays', '*']);
    const all = only.replace('answering_rules: [', 'answering_rules_managed: all\n    answering_rules: [');
    const { run: pruned } = await applyAndReplan(all);
    expect(pruned.plan.changes[0]!.impact).toContain(
      'the "Business hours" rule of 1001 is deleted: those calls follow the next rule',
    );
    expect(rules('1001').map((r) => r['time-frame'])).toEqual(['Lunch', '*']);
  });

  it('ring groups: a time-frame rule forwards; one that does not rings the members', async () => {
    const groups = `${BASE}
ring_groups:
  - extension: "2000"
    name: Front Desk
    members: ["1001", { extension: "1002", delay_seconds: 5 }]
    answering_rules:
      - { time_frame: Holidays, forward_always: "voicemail:1001" }
      - { time_frame: Lunch, screen: true }
`;
    await applyAndReplan(groups);
    const [holidays, lunch] = rules('2000');
    expect(holidays!['forward-always']).toEqual({ enabled: 'yes', parameters: ['vmail_1001'] });
    expect(lunch!['simultaneous-ring']).toEqual({ enabled: 'yes', parameters: ['1001', '1002;delay=5'] });
    expect(lunch!['call-screening']).toMatchObject({ enabled: 'yes' });
    // A new member list is written into the rule that rings the members as well.
    await applyAndReplan(groups.replace('["1001", { extension: "1002"', '["1002", { extension: "1001"'));
    expect(rules('2000')[1]!['simultaneous-ring']).toEqual({ enabled: 'yes', parameters: ['1002', '1001;delay=5'] });
  });

  it('a ring group cannot list the default rule; a bad target is refused with where', () => {
    const issues = (yaml: string) => {
      try {
        loadDesiredState(write(yaml, 'bad.yaml'), { secrets: envSecretResolver({}) });
      } catch (e) {
        return ((e as { issues?: { path: string; position?: { line: number } }[] }).issues ?? []).map(
          (i) => `${i.path}:${i.position?.line}`,
        );
      }
      return [];
    };
    const star =
      'ring_groups:\n  - extension: "2000"\n    name: Desk\n    answering_rules: [{ time_frame: "*", dnd: true }]\n';
    expect(issues(star)).toEqual(['ring_groups[0].answering_rules[0].time_frame:6']);
    const bad =
      'users:\n  - extension: "1001"\n    first_name: A\n    last_name: B\n    answering_rules: [{ time_frame: X, forward_always: mobile }]\n';
    expect(issues(bad)).toEqual(['users[0].answering_rules[0].forward_always:7']);
  });

  it('export → plan = 0 (the rules come back in priority order)', async () => {
    const exported = await exportDomain(platform.client, DOMAIN);
    const users = (parse(exported.yaml).users ?? []) as Array<Record<string, unknown>>;
    // BASE listed Holidays and Business hours again; Lunch, not listed there, stayed below them.
    expect(users.find((u) => u.extension === '1001')!.answering_rules).toEqual([
      { time_frame: 'Holidays', forward_always: 'voicemail:1001' },
      {
        time_frame: 'Business hours',
        forward_busy: '+19175550112',
        forward_no_answer: '1002',
        simultaneous_ring: [{ to: '1002', delay_seconds: 10 }],
      },
      { time_frame: 'Lunch', forward_always: '1002' },
    ]);
    const file = join(platform.dir, 'exported.yaml');
    writeFileSync(file, exported.yaml);
    const again = await planFile(file, {});
    expect(again.plan.changes.map((c) => c.id)).toEqual([]);
  });
});
