/**
 * The public index of the reconciler: everything outside `reconciler/` (the Terraform provider, the CDKTF
 * construct, bench/, scripts/) imports from here, never from an internal path. Internal modules never
 * import this file (that would be a cycle).
 */

// ---- Kinds and the registry
export type {
  AnyKind,
  ApplyContext,
  Capabilities,
  Capability,
  CapabilityState,
  ChangeClass,
  ChangeTarget,
  Comparable,
  ComparableValue,
  DesiredObject,
  FieldSpec,
  Kind,
  KindIdentity,
  KindTerraform,
  LiveCache,
  LiveObject,
  Loss,
  PlanReference,
  ReadContext,
  Reference,
  Relation,
  RelationRule,
} from './kinds/kind';
export { absent, ANY_EXTENSION, CAPABILITIES, fieldAt, RELATIONS, SUPPORTED, supports, whyNot } from './kinds/kind';
export { createRegistry, DEFAULT_REGISTRY, KINDS, kindByName, type Registry, RegistryError } from './kinds/registry';
export { envSecretResolver, isSecretRef, MASK, type SecretRef, type SecretResolver, SecretValue } from './kinds/secret';
export { isValidEmail, isValidNumber } from './kinds/normalize';

// ---- Desired state
export { buildDesiredStateSchema, userOwnablePaths } from './desired/json-schema';
export { FLEET_FILE_SCHEMA, PLATFORM_SECTION_SCHEMA } from './desired/platform-section';
export { PRECOMPILED_AJV_OPTIONS, type PrecompiledName, schemaHash } from './desired/precompiled';
export { listDesiredFiles, loadDesiredBytes, loadDesiredState } from './desired/load-desired-state';
export type { DesiredState, DomainDesiredState, LoadOptions, Policy } from './desired/types';
export { DEFAULT_EXTENSION_RULES, type ExtensionRules, extensionProblem } from './desired/reserved';

// ---- Live state
export {
  createLiveCache,
  type DomainLiveState,
  readLiveState,
  readLosses,
  type ReadOptions,
} from './live/read-live-state';

// ---- Plan
export {
  type Change,
  type ChangeAction,
  computePlan,
  diffFields,
  type DomainPlan,
  type FieldChange,
  type PlanInput,
} from './plan/compute-plan';
export { checkSafety, type SafetyFlags } from './plan/check-safety';
export {
  formatValue,
  MARKDOWN_LIMIT,
  REDACTED,
  redactKey,
  type RenderOptions,
  renderJson,
  renderMarkdown,
  renderText,
} from './plan/render';
export type { PlanDocument } from './plan/plan-document';

// ---- Export, pipeline, platform, errors
export { type ExportResult, exportDomain } from './export/export-domain';
export { draftPlan, finishPlan, type PlanRun, type PlanRunOptions, readForPlan, runPlan } from './pipeline';
export { NetSapiensClient, type PlatformRecord } from './platform/client';
export {
  DEFAULT_PLATFORM_PROFILE,
  mergeProfile,
  type PlatformProfile,
  type RawPlatformSection,
} from './platform/profile';

// ---- Operations at the top of the pipeline (plan → apply with verification → audit)
export * from './operations/index';
export type { AuditRecord } from './apply/audit-log';
export type { SafetyViolation } from './errors';
export type { Unmanaged } from './plan/compute-plan';
export { PLAN_FORMAT_VERSION, type PlanSummary } from './plan/plan-document';
export { nonEmptyShards, parseShard, selectShard, shardOf, type ShardSpec } from './desired/shard';
export * from './errors';
export { buildPlanDocument, domainInputs, sealDocument, sealProblem } from './plan/plan-document';
export type { JournalLine } from './apply/write-journal';

// ---- The command line as a library (the CLI binary is reconciler/cli/main.ts)
export { EXIT } from './cli/exit-codes';
export { type CliIo, runCli } from './cli/run-cli';

// ---- Call flow: where a call goes (pure; `pbxctl trace`)
export {
  type CallFlowState,
  callFlowFromObjects,
  localTime,
  type Outcome,
  type Trace,
  timeFrameActive,
  traceCall,
} from './callflow';
