/** Library operations at the top of the pipeline (plan → apply with verification → audit), for every caller. */
export { applyDesiredState, type ApplyDesiredOptions } from './apply-desired';
export {
  applyPlanRun,
  journalPathFor,
  type ApplyProgress,
  type ApplyRunOptions,
  type ApplyRunResult,
  type ApplyRunStatus,
} from './apply-run';
export { closedWindows } from './change-windows';
export {
  acquireDomainLocks,
  defaultLockDir,
  isStale,
  type DomainLocks,
  type LockHolder,
  type LockOptions,
} from './domain-lock';
export { readSavedPlan, type SavedPlan } from './saved-plan';
export { WriteJournal, journalWrites, type JournalLine } from '../apply/write-journal';
