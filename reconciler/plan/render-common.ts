/**
 * What the plan renderers share: options, symbols, value formatting and the detail lines of a change.
 * PURE. Secrets are always masked; `redactPii` also masks names, e-mails and numbers for public repos.
 */
import type { ComparableValue } from '../kinds/kind';
import { fieldAt } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { MASK, SecretValue } from '../kinds/secret';
import type { Change, FieldChange } from './compute-plan';
import type { PlanDocument } from './plan-document';
import { escapeControl, quoteValue } from '../util/escape';
import { REDACTED, redactKey, redactValue } from './redact';
import { type ChangeLookup, dependsOnLine } from './render-depends';

export interface RenderOptions {
  readonly redactPii?: boolean;
  /** ANSI colours (TTY only). */
  readonly color?: boolean;
  /** Where the full plan is (artifact link or file), named when Markdown is truncated. */
  readonly fullPlanLocation?: string;
  /** Markdown size budget (GitHub's comment limit is 65,536). */
  readonly maxMarkdownChars?: number;
  /** Hidden marker id for the PR comment (default `pbxctl:plan`). */
  readonly marker?: string;
  /** The kinds (PII fields, set fields, PII keys); default: the production registry. */
  readonly registry?: Registry;
}

export function registryOf(opts: RenderOptions): Registry {
  return opts.registry ?? DEFAULT_REGISTRY;
}

export const SYMBOL: Record<Change['action'], string> = { create: '+', update: '~', delete: '-', recycle: '±' };
// In a ```diff block GitHub colours `+` green, `-` red and `!` as changed.
export const DIFF_SYMBOL: Record<Change['action'], string> = { create: '+', update: '!', delete: '-', recycle: '!' };
export const VERB: Record<Change['action'], string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  recycle: 'recycle',
};

/** "voicemail messages" → "voicemail message" (loss descriptions are written in the plural). */
function singular(what: string): string {
  return what.replace(/^(\S+(?: \S+)??)s\b/, '$1');
}

export function formatValue(value: ComparableValue | undefined, redact = false): string {
  if (value === undefined) return '(unset)';
  if (value instanceof SecretValue) return MASK;
  if (redact || value === REDACTED) return REDACTED;
  if (value === null) return '(none)';
  if (typeof value === 'string') return quoteValue(value);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')} }` : '(present)';
  }
  return String(value);
}

function fieldLine(c: Change, f: FieldChange, opts: RenderOptions): string {
  const redact = !!opts.redactPii && f.pii === true;
  if (f.sensitive) {
    return `${f.path}: ${f.before === undefined ? '(unset)' : MASK} → ${MASK}${f.before === undefined ? '' : ' (changed)'}`;
  }
  const show = (v: ComparableValue | undefined) =>
    formatValue(opts.redactPii ? redactValue(c.kind, f.path, v, registryOf(opts)) : v, redact);
  if (
    isSetField(c.kind, f.path, registryOf(opts)) &&
    Array.isArray(f.after) &&
    (Array.isArray(f.before) || f.before === undefined)
  ) {
    return `${f.path}: ${setSummary((f.before ?? []) as readonly ComparableValue[], f.after, redact, c.action === 'create')}`;
  }
  if (c.action === 'create') return `${f.path}: ${show(f.after)}`;
  return `${f.path}: ${show(f.before)} → ${show(f.after)}`;
}

/** Lists compared as sets (block/allow lists, tags) are shown as what is added and removed, not as two lists. */
function isSetField(kind: string, path: string, registry: Registry): boolean {
  const k = registry.get(kind);
  const f = k ? fieldAt(k.fields, path) : undefined;
  return f?.type === 'list' && f.set === true;
}

/** How many entries of a set change are named before the rest is counted ("… and 1,190 more"). */
const SET_ENTRIES_SHOWN = 10;

function setSummary(
  before: readonly ComparableValue[],
  after: readonly ComparableValue[],
  redact: boolean,
  create: boolean,
): string {
  const b = new Set(before.map(String));
  const a = new Set(after.map(String));
  const added = [...a].filter((x) => !b.has(x));
  const removed = [...b].filter((x) => !a.has(x));
  if (create && !redact && added.length <= SET_ENTRIES_SHOWN) return formatValue(after);
  const head = `+${added.length} −${removed.length} (${a.size} in all)`;
  if (redact) return head;
  const named = [...added.map((x) => `+${x}`), ...removed.map((x) => `−${x}`)];
  const shown = named.slice(0, SET_ENTRIES_SHOWN);
  const more = named.length - shown.length;
  return `${head}: ${escapeControl(shown.join(', '))}${more > 0 ? ` … and ${more.toLocaleString('en-US')} more` : ''}`;
}

export function label(c: Change, opts: RenderOptions): string {
  if (!opts.redactPii) return escapeControl(c.label);
  return redactKey(c.kind, c.key, registryOf(opts));
}

export function blockedLines(plan: PlanDocument): string[] {
  return plan.domains.flatMap((d) => d.violations.map((v) => escapeControl(v.message)));
}

export function summaryLine(plan: PlanDocument): string {
  const s = plan.summary;
  if (s.changes === 0) return 'No changes. The platform matches the desired state.';
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.recycle} to recycle, ${s.delete} to delete (${s.cosmetic} cosmetic, ${s.routing} routing, ${s.data_destroying} data-destroying).`;
}

/** The lines under a change; `lookup` (the domain's changes by id) names what it waits for in words. */
export function detailLines(c: Change, opts: RenderOptions, lookup?: ChangeLookup): string[] {
  const out: string[] = [];
  for (const w of c.warnings ?? []) out.push(`‼ ${w}`);
  for (const f of c.fields) out.push(fieldLine(c, f, opts));
  for (const line of c.impact ?? []) out.push(`⇒ ${line}`);
  if (c.losses.length)
    out.push(
      `would lose: ${c.losses.map((l) => `${l.count} ${l.count === 1 ? singular(l.what) : l.what}${l.detail && !opts.redactPii ? ` (${l.detail.join(', ')})` : ''}`).join('; ')}`,
    );
  for (const r of c.references)
    out.push(`referenced by: ${opts.redactPii ? r.from.replace(/\d{5,}/g, REDACTED) : r.from} (${r.relation})`);
  const after = dependsOnLine(c, !!opts.redactPii, registryOf(opts), lookup);
  if (after) out.push(after);
  // Platform names, loss details and warnings reach the terminal and the PR comment: no raw control characters.
  return out.map(escapeControl);
}
