import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesiredStateError, loadDesiredBytes } from '../reconciler';
import { fuzzValidate, LISTED_CASES, mutate, prng } from './fuzz-files';

const BASE = join(__dirname, '../examples/small-office/acme.yaml');

describe('loader fuzz (seeded)', () => {
  it('1,000 mutated files of examples/small-office: no internal error, every issue placed, nothing leaked', () => {
    const report = fuzzValidate(1000, 13, BASE);
    expect(report.internal.slice(0, 2)).toEqual([]);
    expect(report.badIssues.slice(0, 2)).toEqual([]);
    // The mutations really break files (a fuzz that only produced valid files would prove nothing).
    expect(report.refused).toBeGreaterThan(750);
    expect(report.loaded).toBeGreaterThan(0);
  }, 120_000);

  it('is deterministic: the same seed gives the same files', () => {
    const a = mutate('a: 1\nb: [2]\nc: { d: 3 }\n', prng(7)).toString('hex');
    const b = mutate('a: 1\nb: [2]\nc: { d: 3 }\n', prng(7)).toString('hex');
    expect(a).toBe(b);
  });

  it('each case listed in issue 13 is a DesiredStateError with a line and a field path', () => {
    const paths = LISTED_CASES.map((text) => {
      try {
        loadDesiredBytes([{ name: 'acme.yaml', bytes: Buffer.from(text) }]);
        return 'loaded';
      } catch (err) {
        if (!(err instanceof DesiredStateError)) throw err;
        return err.issues.map((i) => `${i.position?.line}:${i.path}`).join(',');
      }
    });
    expect(paths).toEqual([
      '3:block_list',
      '5:shared_contacts[0].tags',
      '3:policy.protect',
      '4:users[0].phone',
      '4:ring_groups[0].members',
      '4:users[0].block',
      '4:users[0].block',
      '4:',
      '4:users[0].extension',
      '4:users[0].spam',
      '4:users[0].voicemail.pin',
    ]);
  });
});
