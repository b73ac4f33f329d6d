/**
 * Renders a plan as text (terminals), Markdown (PR comments) or JSON (machines) — PURE (design.md §4
 * Outputs). Secrets are always masked; `redactPii` also masks names, e-mails and numbers for public repos.
 */
import type { ComparableValue } from '../kinds/kind';
import { fieldAt } from '../kinds/kind';
import { KINDS } from '../kinds/registry';
import { MASK, SecretValue } from '../kinds/secret';
import type { Change, DomainPlan, FieldChange } from './compute-plan';
import type { PlanDocument } from './plan-document';

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
}

export const REDACTED = '(redacted)';
export const MARKDOWN_LIMIT = 65_000;

const SYMBOL: Record<Change['action'], string> = { create: '+', update: '~', delete: '-', recycle: '±' };
// In a ```diff block GitHub colours `+` green, `-` red and `!` as changed.
const DIFF_SYMBOL: Record<Change['action'], string> = { create: '+', update: '!', delete: '-', recycle: '!' };
const VERB: Record<Change['action'], string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  recycle: 'recycle',
};

function isPii(kind: string, path: string): boolean {
  // `phone_numbers` is not a YAML field: live content carries the DIDs routed to a user.
  if (path === 'phone_numbers') return true;
  const k = KINDS.find((x) => x.name === kind);
  const f = k ? fieldAt(k.fields, path) : undefined;
  return f?.pii === true;
}

/**
 * Masks the personal parts of a value: the whole value when its field is PII, else the PII sub-fields of
 * an object (a shared contact's `phones: { work, cell }` holds only PII, a user's `phone` none).
 */
function redactValue(kind: string, path: string, value: ComparableValue | undefined): ComparableValue | undefined {
  if (value === undefined || value instanceof SecretValue) return value;
  if (isPii(kind, path)) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactValue(kind, path, v) as ComparableValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactValue(kind, `${path}.${k}`, v) as ComparableValue]),
    );
  }
  return value;
}

/** Shared contacts are keyed by the person's name: with PII redaction their keys and ids are masked too. */
function redactKey(kind: string, key: string): string {
  return kind === 'shared_contact' ? REDACTED : key;
}

function redactId(id: string): string {
  const [kind = '', ...rest] = id.split(':');
  return `${kind}:${redactKey(kind, rest.join(':'))}`;
}

/** "voicemail messages" → "voicemail message" (loss descriptions are written in the plural). */
function singular(what: string): string {
  return what.replace(/^(\S+(?: \S+)??)s\b/, '$1');
}

export function formatValue(value: ComparableValue | undefined, redact = false): string {
  if (value === undefined) return '(unset)';
  if (value instanceof SecretValue) return MASK;
  if (redact || value === REDACTED) return REDACTED;
  if (value === null) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
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
    formatValue(opts.redactPii ? redactValue(c.kind, f.path, v) : v, redact);
  if (isSetField(c.kind, f.path) && Array.isArray(f.after) && (Array.isArray(f.before) || f.before === undefined)) {
    return `${f.path}: ${setSummary((f.before ?? []) as readonly ComparableValue[], f.after, redact, c.action === 'create')}`;
  }
  if (c.action === 'create') return `${f.path}: ${show(f.after)}`;
  return `${f.path}: ${show(f.before)} → ${show(f.after)}`;
}

/** Lists compared as sets (block/allow lists, tags) are shown as what is added and removed, not as two lists. */
function isSetField(kind: string, path: string): boolean {
  const k = KINDS.find((x) => x.name === kind);
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
  return `${head}: ${shown.join(', ')}${more > 0 ? ` … and ${more.toLocaleString('en-US')} more` : ''}`;
}

function label(c: Change, opts: RenderOptions): string {
  if (!opts.redactPii) return c.label;
  return c.kind === 'shared_contact' ? REDACTED : c.key;
}

function blockedLines(plan: PlanDocument): string[] {
  return plan.domains.flatMap((d) => d.violations.map((v) => v.message));
}

function summaryLine(plan: PlanDocument): string {
  const s = plan.summary;
  if (s.changes === 0) return 'No changes. The platform matches the desired state.';
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.recycle} to recycle, ${s.delete} to delete (${s.cosmetic} cosmetic, ${s.routing} routing, ${s.data_destroying} data-destroying).`;
}

function detailLines(c: Change, opts: RenderOptions): string[] {
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
  if (c.dependsOn.length) out.push(`after: ${(opts.redactPii ? c.dependsOn.map(redactId) : c.dependsOn).join(', ')}`);
  return out;
}

// ---- text ----------------------------------------------------------------------------------------------

const ANSI: Record<string, string> = {
  '+': '\x1b[32m',
  '~': '\x1b[33m',
  '-': '\x1b[31m',
  '±': '\x1b[35m',
  '!': '\x1b[36m',
  blocked: '\x1b[1;31m',
};

export function renderText(plan: PlanDocument, opts: RenderOptions = {}): string {
  const paint = (sym: string, s: string) => (opts.color ? `${ANSI[sym] ?? ''}${s}\x1b[0m` : s);
  const lines: string[] = [];
  const blocked = blockedLines(plan);
  if (blocked.length) {
    lines.push(paint('blocked', 'BLOCKED by safety policy — nothing will be applied:'));
    for (const b of blocked) lines.push(`  ${b}`);
    lines.push('');
  }
  for (const d of plan.domains) {
    lines.push(`Domain ${d.domain}`);
    if (d.changes.length === 0 && d.unmanaged.length === 0) lines.push('  (no changes)');
    for (const c of d.changes) {
      const sym = SYMBOL[c.action];
      lines.push(paint(sym, `  ${sym} ${VERB[c.action]} ${c.kind} ${label(c, opts)}  [${c.class}]`));
      for (const l of detailLines(c, opts)) lines.push(`      ${l}`);
    }
    for (const u of d.unmanaged) {
      lines.push(
        paint(
          '!',
          `  ! unmanaged ${u.kind} ${opts.redactPii ? redactKey(u.kind, u.key) : u.label} — on the platform, not in the file; left alone`,
        ),
      );
    }
    for (const o of d.userOwned ?? []) {
      lines.push(`  · ${o.kind} ${o.key} ${o.path} differs — user-owned (policy.user_owned): left as its owner set it`);
    }
    lines.push('');
  }
  lines.push(summaryLine(plan));
  if (plan.summary.unmanaged)
    lines.push(`${plan.summary.unmanaged} unmanaged object${plan.summary.unmanaged === 1 ? '' : 's'} left alone.`);
  return `${lines.join('\n')}\n`;
}

// ---- Markdown ------------------------------------------------------------------------------------------

function mdEscape(s: string): string {
  return s.replace(/[|<>`]/g, (ch) => `\\${ch}`);
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
  head.push('', summaryLine(plan), '');
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
        (u) => `# unmanaged ${u.kind} ${opts.redactPii ? redactKey(u.kind, u.key) : u.label} (left alone)`,
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

// ---- JSON ----------------------------------------------------------------------------------------------

/** Versioned JSON: every change with fields before/after; secrets masked; optional PII redaction. */
export function renderJson(plan: PlanDocument, opts: RenderOptions = {}): string {
  const doc = opts.redactPii ? redactDocument(plan) : plan;
  return `${JSON.stringify(doc, (_k, v) => (v instanceof SecretValue ? MASK : v), 2)}\n`;
}

function redactDocument(plan: PlanDocument): PlanDocument {
  const redactContent = (kind: string, content: Record<string, ComparableValue> | undefined) => {
    if (!content) return content;
    const out: Record<string, ComparableValue | undefined> = {};
    for (const [k, v] of Object.entries(content)) out[k] = redactValue(kind, k, v);
    return out;
  };
  const redactObjects = (objects: Readonly<Record<string, string>>) => {
    // Masked ids can collide (several shared contacts): number them so every digest survives.
    const out: Record<string, string> = {};
    for (const [id, digest] of Object.entries(objects)) {
      const masked = redactId(id);
      let name = masked;
      for (let n = 2; name in out; n++) name = `${masked} #${n}`;
      out[name] = digest;
    }
    return out;
  };
  return {
    ...plan,
    inputs: Object.fromEntries(
      Object.entries(plan.inputs).map(([d, v]) => [d, { ...v, objects: redactObjects(v.objects) }]),
    ),
    domains: plan.domains.map((d: DomainPlan) => ({
      ...d,
      changes: d.changes.map((c) => ({
        ...c,
        id: redactId(c.id),
        key: redactKey(c.kind, c.key),
        label: label(c, { redactPii: true }),
        before: redactContent(c.kind, c.before as Record<string, ComparableValue>) as Change['before'],
        after: redactContent(c.kind, c.after as Record<string, ComparableValue>) as Change['after'],
        fields: c.fields.map((f) => ({
          ...f,
          before: redactValue(c.kind, f.path, f.before),
          after: redactValue(c.kind, f.path, f.after),
        })),
        references: c.references.map((r) => ({ ...r, from: r.from.replace(/\d{5,}/g, REDACTED) })),
        losses: c.losses.map((l) => ({ what: l.what, count: l.count })),
        dependsOn: c.dependsOn.map(redactId),
      })),
      unmanaged: d.unmanaged.map((u) => ({ ...u, key: redactKey(u.kind, u.key), label: redactKey(u.kind, u.key) })),
    })),
  };
}
