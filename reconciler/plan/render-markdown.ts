/**
 * Renders a plan as Markdown for PR comments, within GitHub's comment size limit. PURE.
 *
 * Order of the comment, and of who gets the size budget first: what blocks the plan, every change that
 * destroys data (in full, never collapsed or cut), the counts (summary line and a 5-column table), then
 * the routine changes collapsed per domain, cut to what is left with counts of what was not shown.
 */
import type { PlanDocument } from './plan-document';
import { type RenderOptions, summaryLine } from './render-common';
import { blockedSection, destructiveSection, mdInline, plural } from './render-markdown-destructive';
import { routineSections, tableSection } from './render-markdown-routine';
import { welcomeMarkdown } from './welcome-lines';
import { callFlowMarkdown } from './render-call-flows';

export const MARKDOWN_LIMIT = 65_000;

/** Marks where the routine part starts: the GitOps comment keeps what is above it open. */
export const ROUTINE_MARKER = '<!-- pbxctl:routine -->';
/** Around the data-destroying changes: the GitOps comment lifts them out of every shard, to its top. */
export const DESTRUCTIVE_START = '<!-- pbxctl:destructive -->';
export const DESTRUCTIVE_END = '<!-- pbxctl:destructive-end -->';

const size = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);

function title(plan: PlanDocument): string {
  const s = plan.summary;
  return `### pbxctl plan — ${s.changes === 0 ? 'no changes' : plural(s.changes, 'change')}${s.blocked ? ' — **blocked**' : ''}`;
}

function footLines(plan: PlanDocument, opts: RenderOptions): string[] {
  return [
    '',
    `<sub>checksum \`${plan.checksum.slice(0, 16)}\` · format ${plan.format_version}${opts.redactPii ? ' · PII redacted' : ''}</sub>`,
    '',
  ];
}

function omittedNote(omitted: ReadonlyMap<string, number>, opts: RenderOptions): string[] {
  const total = [...omitted.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const parts = [...omitted.entries()].sort(([, a], [, b]) => b - a).map(([what, n]) => `${n} ${what}`);
  return [
    '',
    '> [!NOTE]',
    `> ${plural(total, 'routine change')} not shown (${parts.join(', ')}) to stay under GitHub's comment limit; every data-destroying change is shown above. The full plan is ${opts.fullPlanLocation ? `in ${mdInline(opts.fullPlanLocation)}` : 'in the plan.json artifact of this run'}.`,
  ];
}

export function renderMarkdown(plan: PlanDocument, opts: RenderOptions = {}): string {
  const limit = opts.maxMarkdownChars ?? MARKDOWN_LIMIT;
  const head = [`<!-- ${opts.marker ?? 'pbxctl:plan'} -->`, `<!-- pbxctl:checksum:${plan.checksum} -->`, ''];
  head.push(title(plan), '');
  const foot = footLines(plan, opts);
  // Reserve room for the counts and the notes; what matters gets the rest before anything routine.
  const reserve = size(head) + size(foot) + 1_000;
  head.push(...blockedSection(plan, Math.floor((limit - reserve) / 2)));
  const destructive = destructiveSection(plan, opts, limit - reserve - size(head));
  if (destructive.length) head.push(DESTRUCTIVE_START, ...destructive, DESTRUCTIVE_END, '');
  head.push(summaryLine(plan), '', ...welcomeMarkdown(plan));
  head.push(...tableSection(plan, Math.min(Math.floor(limit / 3), limit - reserve - size(head) + 600)));
  head.push(...callFlowMarkdown(plan, opts, Math.floor((limit - reserve - size(head)) / 3)));
  const budget = limit - size(head) - size(foot) - 600;
  const routine = routineSections(plan, opts, budget);
  const middle = routine.lines.length ? [ROUTINE_MARKER, ...routine.lines] : [];
  return [...head, ...middle, ...omittedNote(routine.omitted, opts), ...foot].join('\n');
}
