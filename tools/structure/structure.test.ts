/**
 * The structural rules of the repository (tools/structure/check.ts), one test per rule. A failure lists
 * every violation as `file:line  [rule] message. Fix: …`; `npm run check:structure` prints the same list.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRule, formatReport, loadRepository, RULES, type RuleName } from './check';

const repo = loadRepository(join(__dirname, '..', '..'));

describe('repository structure', () => {
  it('finds the repository it checks', () => {
    expect(repo.files.some((f) => f.path === 'reconciler/pipeline.ts' || f.path === 'reconciler/index.ts')).toBe(true);
    expect(repo.edges.length).toBeGreaterThan(100);
  });

  for (const [rule, sentence] of Object.entries(RULES) as [RuleName, string][]) {
    it(`${rule}: ${sentence}`, () => {
      const violations = checkRule(repo, rule);
      expect(violations.length, `\n${formatReport(violations)}\n`).toBe(0);
    });
  }
});
