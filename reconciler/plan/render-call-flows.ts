/**
 * The call-flow section of a plan (call-flows.ts) in text and Markdown: per phone number or extension,
 * each kind of call whose path changes, the path before and after. Under `--redact-pii` a phone number
 * is shown as "phone number #N" (its position in the plan): only extensions and counts remain. PURE.
 */
import { escapeControl } from '../util/escape';
import type { CallFlowChange, CallFlowScenario } from './call-flows';
import type { DomainPlan } from './compute-plan';
import type { PlanDocument } from './plan-document';
import type { RenderOptions } from './render-common';
import { mdInline } from './render-markdown-destructive';
import { REDACTED } from './redact';

/** A phone number kept to its last four digits, for messages that are never redacted (policy). */
export function maskedNumber(n: string): string {
  return `…${n.slice(-4)}`;
}

function startName(f: CallFlowChange, i: number, opts: RenderOptions): string {
  if (f.type === 'extension') return `extension ${f.start}`;
  return opts.redactPii ? `phone number #${i + 1}` : `phone number ${f.start}`;
}

/** The steps of a path, the start number masked under redaction. */
function steps(f: CallFlowChange, list: readonly string[], opts: RenderOptions): string[] {
  if (!opts.redactPii || f.type !== 'number') return [...list];
  return list.map((s) => s.split(f.start).join(REDACTED));
}

/** A flow's CallFlowChange with the number masked (JSON under `--redact-pii`). */
export function redactCallFlows(flows: readonly CallFlowChange[]): CallFlowChange[] {
  return flows.map((f, i) => {
    if (f.type !== 'number') return f;
    const mask = (p: CallFlowScenario['before']) => ({ ...p, steps: steps(f, p.steps, { redactPii: true }) });
    return {
      ...f,
      start: `#${i + 1}`,
      scenarios: f.scenarios.map((s) => ({ ...s, before: mask(s.before), after: mask(s.after) })),
    };
  });
}

export function callFlowTextLines(d: DomainPlan, opts: RenderOptions): string[] {
  const flows = d.callFlows ?? [];
  if (flows.length === 0) return [];
  const out = ['  Where calls go, where this plan changes it (before → after):'];
  flows.forEach((f, i) => {
    for (const s of f.scenarios) {
      out.push(`    ≈ ${startName(f, i, opts)}, calls ${s.when} (e.g. ${s.example}):`);
      out.push(`        before → ${s.before.ends}`);
      for (const step of steps(f, s.before.steps, opts)) out.push(`          ${step}`);
      out.push(`        after  → ${s.after.ends}`);
      for (const step of steps(f, s.after.steps, opts)) out.push(`          ${step}`);
    }
  });
  return out.map(escapeControl);
}

const size = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);

/**
 * Markdown: one line per scenario (before → after, in words) and the paths in a collapsed block; cut to
 * `budget` characters with a count of what is not shown.
 */
export function callFlowMarkdown(plan: PlanDocument, opts: RenderOptions, budget: number): string[] {
  const flows = plan.domains.flatMap((d) => (d.callFlows ?? []).map((f) => ({ d, f })));
  if (flows.length === 0) return [];
  const out = ['#### Where calls go', ''];
  let shown = 0;
  let scenarios = 0;
  for (const [i, { d, f }] of flows.entries()) {
    const block: string[] = [];
    for (const s of f.scenarios) {
      const who = `${startName(f, i, opts)}${plan.domains.length > 1 ? ` (${d.domain})` : ''}`;
      block.push(
        `- **${mdInline(who)}**, calls ${mdInline(s.when)} (e.g. ${mdInline(s.example)}): ${mdInline(s.before.ends)} → **${mdInline(s.after.ends)}**`,
        '',
        '  <details><summary>path before and after</summary>',
        '',
        '  ```text',
        '  before:',
        ...steps(f, s.before.steps, opts).map((l) => `    ${escapeControl(l).replace(/```/g, "'''")}`),
        '  after:',
        ...steps(f, s.after.steps, opts).map((l) => `    ${escapeControl(l).replace(/```/g, "'''")}`),
        '  ```',
        '',
        '  </details>',
        '',
      );
    }
    if (size(out) + size(block) > budget) break;
    out.push(...block);
    shown++;
    scenarios += f.scenarios.length;
  }
  const total = flows.reduce((n, { f }) => n + f.scenarios.length, 0);
  if (shown < flows.length)
    out.push(
      `> ${total - scenarios} more call-flow change(s) not shown to stay under the size limit; see plan.json.`,
      '',
    );
  return out;
}
