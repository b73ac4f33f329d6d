/** `pbxctl drift <path>`: where the platform differs from git (exit 2 when drifted). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PlanRun } from '../../pipeline';
import { redactKey, renderMarkdown } from '../../plan/render';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { makePlan, requirePath } from '../command-support';
import { assertFormat, savedPlanText } from './plan';

export async function driftCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  const path = requirePath(positionals, 'drift', io);
  assertFormat(flags);
  const { run, client } = await makePlan(path, flags, io);
  try {
    if (typeof flags.out === 'string') {
      const out = resolve(io.cwd, flags.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, savedPlanText(run, path, flags, io));
    }
    io.stdout(renderDrift(run, flags));
    return run.document.summary.changes > 0 ? EXIT.changes : EXIT.ok;
  } finally {
    await client.close();
  }
}

function driftedObjects(run: PlanRun, redact: boolean) {
  // Shared contacts are keyed by a person's name: hide it with --redact-pii.
  // Kinds keyed by a person's name (identity.keyIsPii): hide the key with --redact-pii.
  const shownKey = (kind: string, key: string) => (redact ? redactKey(kind, key) : key);
  return run.domains.map((d) => ({
    domain: d.desired.domain,
    drifted: d.plan.changes.length > 0,
    objects: d.plan.changes.map((c) => ({
      kind: c.kind,
      key: shownKey(c.kind, c.key),
      action: c.action,
      fields: c.fields.map((f) => f.path),
      last_modified: c.lastModified ?? null,
    })),
  }));
}

export function renderDrift(run: PlanRun, flags: Flags): string {
  const format = (flags.format as string | undefined) ?? 'text';
  const redact = flags['redact-pii'] === true;
  const drifted = driftedObjects(run, redact);
  if (format === 'json')
    return `${JSON.stringify({ format_version: '1', checksum: run.document.checksum, domains: drifted }, null, 2)}\n`;
  if (format === 'markdown' || format === 'md') {
    // Drift is a report, not a plan to approve: no policy blocks in it.
    const domains = run.document.domains.map((d) => ({ ...d, violations: [] }));
    const doc = { ...run.document, domains, summary: { ...run.document.summary, blocked: false } };
    return renderMarkdown(doc, { marker: 'pbxctl:drift', redactPii: redact }).replace(
      '### pbxctl plan —',
      '### pbxctl drift —',
    );
  }
  const lines: string[] = [];
  for (const d of drifted) {
    if (!d.drifted) {
      lines.push(`${d.domain}: in sync`);
      continue;
    }
    lines.push(`${d.domain}: DRIFTED — ${d.objects.length} object${d.objects.length === 1 ? '' : 's'} differ from git`);
    for (const o of d.objects) {
      const what =
        o.action === 'create'
          ? 'missing on the platform'
          : o.action === 'delete'
            ? 'on the platform, not in git'
            : `differs: ${o.fields.join(', ')}`;
      lines.push(
        `  ${o.kind} ${o.key}: ${what}${o.last_modified ? ` (platform last-modified ${o.last_modified})` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
