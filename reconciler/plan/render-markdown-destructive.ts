/**
 * The part of the Markdown plan a reviewer must not miss: what blocks it and every change that destroys
 * data (deletes, recycles, data-destroying updates), each in full, as wrapping list items — never in a
 * collapsed block, never clipped, never behind a scroll bar. PURE.
 */
import { escapeControl } from '../util/escape';
import type { Change } from './compute-plan';
import type { PlanDocument } from './plan-document';
import { blockedLines, detailLines, label, type RenderOptions } from './render-common';
import { changeLookup, kindWords } from './render-depends';

/** Escapes text for Markdown outside code: no table cell, HTML, emphasis or link can start inside a value. */
export function mdInline(s: string): string {
  // `_` inside a word (max_deletes) cannot start emphasis in GFM: left as it is, readable in the source.
  // Control characters are escaped first, so a value cannot fake a line of its own (util/escape.ts).
  return escapeControl(s).replace(/[\\`*[\]<>|~&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (ch) => `\\${ch}`);
}

export function isDestructive(c: Change): boolean {
  return c.action === 'delete' || c.action === 'recycle' || c.class === 'data-destroying';
}

export function destructiveChanges(plan: PlanDocument): Change[] {
  return plan.domains.flatMap((d) => d.changes.filter(isDestructive));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The CAUTION block with every violation while they fit in `budget` (a fleet-wide block can have thousands;
 * the rest are counted).
 */
export function blockedSection(plan: PlanDocument, budget: number): string[] {
  const blocked = blockedLines(plan);
  if (!blocked.length) return [];
  const out = ['> [!CAUTION]', '> **Blocked by safety policy — nothing will be applied:**'];
  let used = out.join('\n').length;
  for (const [i, b] of blocked.entries()) {
    const line = `> - ${mdInline(b)}`;
    if (used + line.length + 1 > budget) {
      out.push(`> - … and ${blocked.length - i} more`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  out.push('');
  return out;
}

const HEADING: Record<Change['action'], string> = {
  delete: '🗑 **DELETE**',
  recycle: '♻️ **RECYCLE**',
  update: '⚠️ **UPDATE**',
  create: '⚠️ **CREATE**',
};

/** One destructive change: a heading line and its details, what is lost first. */
export function destructiveEntry(c: Change, opts: RenderOptions, lookup: ReturnType<typeof changeLookup>): string {
  const details = detailLines(c, opts, lookup);
  const first = details.filter((l) => l.startsWith('would lose:') || l.startsWith('‼'));
  const rest = details.filter((l) => !first.includes(l));
  if (!details.some((l) => l.startsWith('would lose:')))
    first.unshift('would lose: no stored data was found when the plan was made');
  const line = (l: string) =>
    l.startsWith('would lose:')
      ? `  - **would lose:**${mdInline(l.slice('would lose:'.length))}`
      : `  - ${mdInline(l)}`;
  return [
    `- ${HEADING[c.action]} ${mdInline(kindWords(c.kind))} ${mdInline(label(c, opts))} · ${mdInline(c.domain)}${c.action === 'recycle' ? ' — a different person takes over the extension; the previous one’s data is wiped' : ''}`,
    ...first.map(line),
    ...rest.map(line),
  ].join('\n');
}

/**
 * Every destructive change in full while they fit in `budget` characters; past that (thousands of
 * deletes, far beyond one comment) whole entries are left out and counted, never cut in the middle.
 */
export function destructiveSection(plan: PlanDocument, opts: RenderOptions, budget: number): string[] {
  const all = destructiveChanges(plan);
  if (!all.length) return [];
  const out = [
    `#### ⚠️ ${plural(all.length, 'change destroys', 'changes destroy')} data — shown in full`,
    '',
    'Voicemail, greetings, contacts and answer rules of these users are lost for good.',
    '',
  ];
  let used = out.join('\n').length;
  let left = 0;
  for (const d of plan.domains) {
    const lookup = changeLookup(d.changes);
    for (const c of d.changes.filter(isDestructive)) {
      const entry = destructiveEntry(c, opts, lookup);
      if (left > 0 || used + entry.length + 1 > budget) {
        left++;
        continue;
      }
      out.push(entry);
      used += entry.length + 1;
    }
  }
  if (left > 0)
    out.push(
      '',
      `> [!CAUTION]`,
      `> **${plural(left, 'more data-destroying change', 'more data-destroying changes')} do not fit in one comment.** Review the full plan (plan.json) before approving.`,
    );
  out.push('');
  return out;
}
