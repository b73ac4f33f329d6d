/**
 * `npm run check:structure [-- rule…]`: prints every violation of the structural rules (tools/structure/)
 * as `file:line  [rule] message. Fix: …` and exits 1 when there is any, 2 on an unknown rule name.
 */
import { resolve } from 'node:path';
import { checkRule, formatReport, loadRepository, RULES, type RuleName } from './structure/check';

function main(argv: string[]): number {
  const unknown = argv.filter((a) => !(a in RULES));
  if (unknown.length > 0) {
    process.stderr.write(
      `check-structure: unknown rule ${unknown.join(', ')}; known: ${Object.keys(RULES).join(', ')}\n`,
    );
    return 2;
  }
  const rules = (argv.length > 0 ? argv : Object.keys(RULES)) as RuleName[];
  const repo = loadRepository(resolve(__dirname, '..', '..'));
  const violations = rules.flatMap((rule) => checkRule(repo, rule));
  process.stdout.write(`${formatReport(violations)}\n`);
  return violations.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
