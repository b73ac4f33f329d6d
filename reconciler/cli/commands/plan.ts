/** `pbxctl plan <path>`: what apply would change; `--out` saves a sealed plan for `apply plan.json`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../errors';
import type { PlanRun } from '../../pipeline';
import { type PlanDocument, sealDocument } from '../../plan/plan-document';
import { renderJson } from '../../plan/render';
import { EXIT } from '../exit-codes';
import type { CliIo, Flags } from '../io';
import { makePlan, render, requirePath } from '../command-support';

export function assertFormat(flags: Flags): void {
  // Refuse a bad --format before reading the platform, not after.
  if (flags.format !== undefined && !['text', 'markdown', 'md', 'json'].includes(String(flags.format)))
    throw new UsageError(`--format must be text, markdown or json (got "${String(flags.format)}")`);
}

/** The saved plan: the plan document plus when, from where and with which flags — all under the seal. */
export function savedPlanText(run: PlanRun, path: string, flags: Flags, io: CliIo): string {
  const doc = {
    ...run.document,
    created_at: new Date().toISOString(),
    source: { path: resolve(io.cwd, path) },
    flags: { allow_deletes: flags['allow-deletes'] === true, allow_recycle: flags['allow-recycle'] === true },
  } as unknown as PlanDocument;
  const written = JSON.parse(renderJson(doc, { redactPii: flags['redact-pii'] === true })) as Record<string, unknown>;
  return `${JSON.stringify(sealDocument(written), null, 2)}\n`;
}

export async function planCommand(positionals: readonly string[], flags: Flags, io: CliIo): Promise<number> {
  const path = requirePath(positionals, 'plan', io);
  assertFormat(flags);
  const { run, client } = await makePlan(path, flags, io);
  try {
    const doc = run.document;
    if (typeof flags.out === 'string') {
      const out = resolve(io.cwd, flags.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, savedPlanText(run, path, flags, io));
    }
    io.stdout(render(doc, flags, io));
    if (doc.summary.blocked) return EXIT.blocked;
    if (flags['detailed-exitcode'] && doc.summary.changes > 0) return EXIT.changes;
    return EXIT.ok;
  } finally {
    await client.close();
  }
}
