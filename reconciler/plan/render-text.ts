/** Renders a plan as text for terminals. PURE. */
import {
  blockedLines,
  detailLines,
  label,
  type RenderOptions,
  registryOf,
  summaryLine,
  SYMBOL,
  VERB,
} from './render-common';
import type { PlanDocument } from './plan-document';
import { escapeControl } from '../util/escape';
import { redactKey } from './redact';
import { welcomeLines, welcomeSummary } from './welcome-lines';
import { changeLookup } from './render-depends';
import { callFlowTextLines } from './render-call-flows';

/** How many violations the closing banner repeats before pointing back to the top. */
const END_BANNER_VIOLATIONS = 5;

/**
 * The end of a long plan is what a terminal leaves on screen: repeat the block (and what destroys data)
 * there, after the counts.
 */
function endBanner(
  plan: PlanDocument,
  blocked: readonly string[],
  paint: (sym: string, s: string) => string,
): string[] {
  const out: string[] = [];
  const destroying = plan.summary.data_destroying;
  if (blocked.length) {
    out.push(
      '',
      paint(
        'blocked',
        `BLOCKED by safety policy — nothing will be applied (${blocked.length} violation${blocked.length === 1 ? '' : 's'}):`,
      ),
    );
    for (const b of blocked.slice(0, END_BANNER_VIOLATIONS)) out.push(`  ${b}`);
    if (blocked.length > END_BANNER_VIOLATIONS)
      out.push(`  … and ${blocked.length - END_BANNER_VIOLATIONS} more (listed at the top)`);
  } else if (destroying) {
    out.push(
      '',
      paint(
        '-',
        `WARNING: ${destroying} data-destroying change${destroying === 1 ? '' : 's'} (marked [data-destroying] above): voicemail, greetings and contacts are lost.`,
      ),
    );
  }
  return out;
}

const ANSI: Record<string, string> = {
  '+': '\x1b[32m',
  '~': '\x1b[33m',
  '-': '\x1b[31m',
  '±': '\x1b[35m',
  '!': '\x1b[36m',
  blocked: '\x1b[1;31m',
};

export function renderText(plan: PlanDocument, opts: RenderOptions = {}): string {
  // Names and reasons come from the file and the platform: control characters are escaped before our own
  // colour codes are added, so a name cannot recolour, erase or fake a line.
  const paint = (sym: string, s: string) =>
    opts.color ? `${ANSI[sym] ?? ''}${escapeControl(s)}\x1b[0m` : escapeControl(s);
  const lines: string[] = [];
  const blocked = blockedLines(plan);
  if (blocked.length) {
    lines.push(paint('blocked', 'BLOCKED by safety policy — nothing will be applied:'));
    for (const b of blocked) lines.push(`  ${b}`);
    lines.push('');
  }
  for (const d of plan.domains) {
    lines.push(escapeControl(`Domain ${d.domain}`));
    const lookup = changeLookup(d.changes);
    const welcomes = welcomeLines(d);
    if (d.changes.length === 0 && d.unmanaged.length === 0 && welcomes.length === 0) lines.push('  (no changes)');
    for (const c of d.changes) {
      const sym = SYMBOL[c.action];
      lines.push(paint(sym, `  ${sym} ${VERB[c.action]} ${c.kind} ${label(c, opts)}  [${c.class}]`));
      for (const l of detailLines(c, opts, lookup)) lines.push(`      ${l}`);
    }
    for (const w of welcomes) lines.push(`  ${w}`);
    lines.push(...callFlowTextLines(d, opts));
    for (const u of d.unmanaged) {
      lines.push(
        paint(
          '!',
          `  ! unmanaged ${u.kind} ${opts.redactPii ? redactKey(u.kind, u.key, registryOf(opts)) : u.label} — on the platform, not in the file; left alone${u.reason ? ` (${u.reason})` : ''}`,
        ),
      );
    }
    for (const n of d.notPlanned ?? []) {
      lines.push(
        escapeControl(
          `  ✗ cannot ${n.action} ${n.kind} ${opts.redactPii ? redactKey(n.kind, n.key, registryOf(opts)) : n.key}: ${n.reason}; left alone`,
        ),
      );
    }
    for (const o of d.userOwned ?? []) {
      lines.push(
        escapeControl(
          `  · ${o.kind} ${o.key} ${o.path} differs — user-owned (policy.user_owned): left as its owner set it`,
        ),
      );
    }
    lines.push('');
  }
  lines.push(summaryLine(plan));
  const welcomeTotal = welcomeSummary(plan);
  if (welcomeTotal) lines.push(welcomeTotal);
  if (plan.summary.unmanaged)
    lines.push(`${plan.summary.unmanaged} unmanaged object${plan.summary.unmanaged === 1 ? '' : 's'} left alone.`);
  lines.push(...endBanner(plan, blocked, paint));
  return `${lines.join('\n')}\n`;
}
