/**
 * The routine part of the Markdown plan: the per-domain summary table (5 columns, fits a GitHub comment)
 * and each domain's other changes in a collapsed diff block, cut to the budget with counts. PURE.
 */
import { escapeControl } from '../util/escape';
import type { Change, DomainPlan } from './compute-plan';
import type { PlanDocument } from './plan-document';
import { DIFF_SYMBOL, detailLines, label, type RenderOptions, registryOf, VERB } from './render-common';
import { changeLookup } from './render-depends';
import { isDestructive, mdInline, plural } from './render-markdown-destructive';
import { redactKey } from './redact';

const size = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);

function counts(cs: readonly Change[]): string {
  const n = (a: Change['action']) => cs.filter((c) => c.action === a).length;
  return `${n('create')} | ${n('update')} | ${n('delete')} | ${n('recycle')}`;
}

/** One row per domain while they fit in `budget`; a last row accounts for the rest. */
export function tableSection(plan: PlanDocument, budget: number): string[] {
  const out = ['| Domain | Create | Update | Delete | Recycle |', '|---|---:|---:|---:|---:|'];
  const rows = plan.domains.map((d) => `| ${mdInline(d.domain)} | ${counts(d.changes)} |`);
  let used = size(out) + 200;
  let i = 0;
  for (; i < rows.length && used + (rows[i] as string).length + 1 <= budget; i++) {
    out.push(rows[i] as string);
    used += (rows[i] as string).length + 1;
  }
  if (i < rows.length) {
    const rest = plan.domains.slice(i);
    out.push(`| … ${plural(rest.length, 'more domain')} | ${counts(rest.flatMap((d) => d.changes))} |`);
  }
  out.push('');
  return out;
}

interface Entry {
  readonly text: string;
  /** What it is, to count what is left out: `update`, `create`, `unmanaged` … */
  readonly what: string;
}

function entriesOf(d: DomainPlan, opts: RenderOptions): Entry[] {
  const lookup = changeLookup(d.changes);
  const entries: Entry[] = [
    ...d.changes
      .filter((c) => !isDestructive(c))
      .map((c) => ({
        what: c.action,
        text: [
          `${DIFF_SYMBOL[c.action]} ${VERB[c.action]} ${c.kind} ${label(c, opts)} [${c.class}]`,
          ...detailLines(c, opts, lookup).map((l) => `#   ${l}`),
        ].join('\n'),
      })),
    ...d.unmanaged.map((u) => ({
      what: 'unmanaged',
      text: escapeControl(
        `# unmanaged ${u.kind} ${opts.redactPii ? redactKey(u.kind, u.key, registryOf(opts)) : u.label} (left alone)`,
      ),
    })),
    ...(d.userOwned ?? []).map((o) => ({
      what: 'user-owned',
      text: `# ${o.kind} ${o.key} ${o.path} differs, user-owned (left alone)`,
    })),
  ];
  return entries.map((e) => ({ ...e, text: e.text.replace(/```/g, "'''") }));
}

export interface RoutineResult {
  readonly lines: string[];
  /** What was not shown, by kind of entry (`update` → 1,400). */
  readonly omitted: ReadonlyMap<string, number>;
}

/** Each domain's routine changes in a collapsed diff block, added while they fit in `budget`. */
export function routineSections(plan: PlanDocument, opts: RenderOptions, budget: number): RoutineResult {
  const sections: string[] = [];
  const omitted = new Map<string, number>();
  let left = budget;
  for (const d of plan.domains) {
    const entries = entriesOf(d, opts);
    if (entries.length === 0) continue;
    const destroying = d.changes.filter(isDestructive).length;
    const routine = entries.filter((e) => e.what in VERB).length;
    const open = `<details><summary>${mdInline(d.domain)}: ${plural(routine, 'routine change')}${d.unmanaged.length ? `, ${d.unmanaged.length} unmanaged` : ''}${destroying ? ` (+ ${destroying} data-destroying, shown above)` : ''}</summary>\n\n\`\`\`diff`;
    const close = '```\n\n</details>';
    const body: string[] = [];
    let used = open.length + close.length + 40;
    for (const e of entries) {
      if (used + e.text.length + 1 > left) break;
      body.push(e.text);
      used += e.text.length + 1;
    }
    const cut = entries.length - body.length;
    for (const e of entries.slice(body.length)) omitted.set(e.what, (omitted.get(e.what) ?? 0) + 1);
    if (body.length === 0) continue;
    if (cut) body.push(`# … ${cut} more not shown`);
    const section = [open, ...body, close].join('\n');
    sections.push(section);
    left -= section.length + 1;
  }
  return { lines: sections, omitted };
}
