/**
 * The public surface of the reconciler core for code outside reconciler/ (gitops/, provider/, bench/,
 * scripts/). Import from here, never from an internal path.
 */
export type { AuditRecord } from './apply/audit-log';
export type { SafetyViolation } from './errors';
export type { Change, ChangeAction, DomainPlan, FieldChange, Unmanaged } from './plan/compute-plan';
export { PLAN_FORMAT_VERSION, type PlanDocument, type PlanSummary } from './plan/plan-document';
