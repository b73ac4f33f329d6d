/** Renders a plan as Markdown for PR comments, within GitHub's comment size limit. PURE. */
import type { Change } from './compute-plan';
import type { PlanDocument } from './plan-document';
import {
  blockedLines,
  DIFF_SYMBOL,
  detailLines,
  label,
  type RenderOptions,
  registryOf,
  summaryLine,
  VERB,
} from './render-common';
import { escapeControl } from '../util/escape';
import { welcomeMarkdown } from './welcome-lines';
import { redactKey } from './redact';

export const MARKDOWN_LIMIT = 65_000;

function mdEscape(s: string): string {
  return escapeControl(s).replace(/[|<>`]/g, (ch) => `\\${ch}`);
}

export function renderMarkdown(plan: PlanDocument, opts: RenderOptions = {}): string {
  const limit = opts.maxMarkdownChars ?? MARKDOWN_LIMIT;
  const marker = opts.marker ?? 'pbxctl:plan';
  const head: string[] = [`<!-- ${marker} -->`, `<!-- pbxctl:checksum:${plan.checksum} -->`, ''];
  const s = plan.summary;
  head.push(
    `### pbxctl plan — ${s.changes === 0 ? 'no changes' : `${s.changes} change${s.changes === 1 ? '' : 's'}`}${s.blocked ? ' — **blocked**' : ''}`,
  );
  head.push('');
  const blocked = blockedLines(plan);
  // A fleet can have thousands of domains: the violation list and the table get a share of the budget
  // each and end with a line that says what was left out (the counts stay exact).
  const size = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  if (blocked.length) {
    head.push('> [!CAUTION]', '> **Blocked by safety policy — nothing will be applied:**');
    const shown = capped(
      blocked.map((b) => `> - ${mdEscape(b)}`),
      Math.floor(limit / 8),
    );
    head.push(...shown);
    if (shown.length < blocked.length) head.push(`> - … and ${blocked.length - shown.length} more`);
    head.push('');
  }
  const destroying = plan.domains.flatMap((d) => d.changes.filter((c) => c.class === 'data-destroying'));
  if (destroying.length && !blocked.length) {
    head.push(
      '> [!WARNING]',
      `> ${destroying.length} data-destroying change${destroying.length === 1 ? '' : 's'} (voicemail, greetings, contacts will be lost).`,
      '',
    );
  }
  head.push(
    '| Domain | Kind | Create | Update | Recycle | Delete | Cosmetic | Routing | Data-destroying |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  const counts = (cs: readonly Change[]) => {
    const n = (f: (c: Change) => boolean) => cs.filter(f).length;
    return `${n((c) => c.action === 'create')} | ${n((c) => c.action === 'update')} | ${n((c) => c.action === 'recycle')} | ${n((c) => c.action === 'delete')} | ${n((c) => c.class === 'cosmetic')} | ${n((c) => c.class === 'routing')} | ${n((c) => c.class === 'data-destroying')}`;
  };
  const rows: { domain: string; row: string; changes: readonly Change[] }[] = [];
  for (const d of plan.domains) {
    const kinds = [...new Set(d.changes.map((c) => c.kind))].sort();
    if (kinds.length === 0)
      rows.push({ domain: d.domain, row: `| ${mdEscape(d.domain)} | — | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`, changes: [] });
    for (const k of kinds) {
      const cs = d.changes.filter((c) => c.kind === k);
      rows.push({ domain: d.domain, row: `| ${mdEscape(d.domain)} | ${k} | ${counts(cs)} |`, changes: cs });
    }
  }
  const tableRows = capped(
    rows.map((r) => r.row),
    Math.floor(limit / 3) - size(head),
  );
  head.push(...tableRows);
  if (tableRows.length < rows.length) {
    const rest = rows.slice(tableRows.length);
    const domains = new Set(rest.map((r) => r.domain)).size;
    head.push(
      `| … ${domains} more domain${domains === 1 ? '' : 's'} | all | ${counts(rest.flatMap((r) => r.changes))} |`,
    );
  }
  head.push('', summaryLine(plan), '', ...welcomeMarkdown(plan));
  const foot: string[] = [
    '',
    `<sub>checksum \`${plan.checksum.slice(0, 16)}\` · format ${plan.format_version}${opts.redactPii ? ' · PII redacted' : ''}</sub>`,
    '',
  ];

  // Details per domain, each in <details>, added until the budget is used up.
  const sections: string[] = [];
  let omitted = 0;
  let budget = limit - head.join('\n').length - foot.join('\n').length - 600;
  for (const d of plan.domains) {
    if (d.changes.length === 0 && d.unmanaged.length === 0 && !d.userOwned?.length) continue;
    const open = `<details><summary>${mdEscape(d.domain)}: ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}${d.unmanaged.length ? `, ${d.unmanaged.length} unmanaged` : ''}</summary>\n\n\`\`\`diff`;
    const close = '```\n\n</details>';
    const body: string[] = [];
    let used = open.length + close.length + 2;
    let cut = 0;
    const entries = [
      ...d.changes.map((c) =>
        [
          `${DIFF_SYMBOL[c.action]} ${VERB[c.action]} ${c.kind} ${label(c, opts)} [${c.class}]`,
          ...detailLines(c, opts).map((l) => `#   ${l}`),
        ].join('\n'),
      ),
      ...d.unmanaged.map(
        (u) =>
          `# unmanaged ${u.kind} ${opts.redactPii ? redactKey(u.kind, u.key, registryOf(opts)) : escapeControl(u.label)} (left alone)`,
      ),
      ...(d.userOwned ?? []).map((o) => `# ${o.kind} ${o.key} ${o.path} differs, user-owned (left alone)`),
    ];
    for (const e of entries) {
      const text = e.replace(/```/g, "'''");
      if (used + text.length + 1 > budget) {
        cut++;
        continue;
      }
      body.push(text);
      used += text.length + 1;
    }
    if (body.length === 0) {
      omitted += entries.length;
      continue;
    }
    if (cut) body.push(`# … ${cut} more not shown`);
    omitted += cut;
    const section = [open, ...body, close].join('\n');
    sections.push(section);
    budget -= section.length + 1;
  }
  const tail: string[] = [];
  if (omitted > 0) {
    tail.push(
      '',
      `> [!NOTE]`,
      `> ${omitted} change${omitted === 1 ? '' : 's'} not shown to stay under GitHub's comment limit. The full plan is ${opts.fullPlanLocation ? `in ${mdEscape(opts.fullPlanLocation)}` : 'in the plan.json artifact of this run'}.`,
    );
  }
  return [...head, ...sections, ...tail, ...foot].join('\n');
}

/** The leading lines that fit in `budget` characters (newlines included). */
function capped(lines: readonly string[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const l of lines) {
    if (used + l.length + 1 > budget) break;
    out.push(l);
    used += l.length + 1;
  }
  return out;
}
