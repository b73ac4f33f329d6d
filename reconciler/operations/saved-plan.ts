/**
 * Reading a saved plan for `apply plan.json`: it must be sealed and unedited (plan/plan-document.ts),
 * of a known format, and its desired-state files must still exist. Nothing is read from the platform here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { StalePlanError, TamperedPlanError, UsageError } from '../errors';
import { PLAN_FORMAT_VERSION, type PlanDocument, sealProblem } from '../plan/plan-document';

export interface SavedPlan extends PlanDocument {
  readonly source: { readonly path: string };
  readonly flags?: { readonly allow_deletes?: boolean; readonly allow_recycle?: boolean };
  readonly seal: string;
}

/** `shown` is how the file is named in messages (as the user typed it). */
export function readSavedPlan(file: string, shown = file): SavedPlan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`cannot read the saved plan ${shown}: not a readable JSON file`);
  }
  const problem = sealProblem(parsed);
  if (problem) throw new TamperedPlanError(shown, problem);
  const saved = parsed as SavedPlan;
  if (saved.format_version !== PLAN_FORMAT_VERSION)
    throw new UsageError(
      `${shown}: unsupported plan format_version ${String(saved.format_version)} (this pbxctl writes ${PLAN_FORMAT_VERSION})`,
    );
  const source = saved.source?.path;
  if (typeof source !== 'string' || !existsSync(source))
    throw new StalePlanError('the saved plan is stale: its desired-state files are gone', [`expected at ${source}`]);
  return saved;
}
