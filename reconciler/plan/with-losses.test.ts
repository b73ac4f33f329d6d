/**
 * The plan is computed once (issue 15): adding the losses read afterwards gives exactly the plan that
 * computing with them gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../desired/load-desired-state';
import { computePlan, destructiveCandidates, destructiveKeys, withLosses } from './compute-plan';

const dir = mkdtempSync(join(tmpdir(), 'pbxctl-losses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withLosses', () => {
  it('equals computing the plan with the losses', () => {
    const file = join(dir, 'prune.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'domain: acme.example.com',
        'policy: { prune: true }',
        'users: []',
        'ring_groups:',
        '  - { extension: "2002", name: Kept, members: [] }',
        '',
      ].join('\n'),
    );
    const desired = loadDesiredState(file, { cwd: dir }).domains[0]!;
    const group = (key: string, members: string[]) => ({
      kind: 'ring_group',
      domain: desired.domain,
      key,
      comparable: { name: `G${key}`, members: members.map((extension) => ({ extension })) },
      platform: { phoneNumbers: [] },
    });
    const live = {
      domain: desired.domain,
      objects: new Map([['ring_group', [group('2000', []), group('2001', ['2000']), group('2002', ['2000'])]]]),
      extensions: new Set(['2000', '2001', '2002']),
    };
    const losses = new Map([
      ['2000', [{ what: 'voicemail messages', count: 3 }]],
      ['2001', [{ what: 'voicemail greetings', count: 1 }]],
      ['2002', [{ what: 'personal contacts', count: 9 }]],
    ]);
    const draft = computePlan({ desired, live });
    expect(destructiveKeys(draft)).toEqual(destructiveCandidates({ desired, live }));
    expect(destructiveKeys(draft)).toEqual(['2000', '2001']);
    const once = withLosses(draft, losses);
    expect(once).toEqual(computePlan({ desired, live, losses }));
    expect(JSON.stringify(once)).toBe(JSON.stringify(computePlan({ desired, live, losses })));
    // Not vacuous: the losses were added to the deletes, and the kept group's update got none.
    expect(once.changes.find((c) => c.key === '2000')?.losses[0]).toEqual({ what: 'voicemail messages', count: 3 });
    expect(once.changes.find((c) => c.key === '2002')?.losses).toEqual([]);
  });
});
