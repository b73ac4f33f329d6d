/**
 * The reconciler as the Terraform provider's resources (provider/resources/) use it: a second public entry
 * beside index.ts, holding only names index.ts also exports (provider-api.test.ts keeps them the same
 * objects). It exists for start-up time (issue 15): Terraform starts the provider three times per plan, and
 * index.ts loads the whole reconciler — plan, apply, operations, the CLI, the pipeline, call flows and the
 * desired-state loader — which the provider never calls. This entry loads the kinds, the platform client and
 * the few plan/live helpers the resources call, and nothing else. Only provider/ may import it
 * (tools/structure, rule `reconciler-public-index`); everything else uses index.ts. Internal modules never
 * import this file.
 */

// ---- Kinds and the registry
export type {
  AnyKind,
  ApplyContext,
  DesiredObject,
  FieldSpec,
  LiveCache,
  LiveObject,
} from './kinds/kind';
export { supports } from './kinds/kind';
export { createRegistry, DEFAULT_REGISTRY, type Registry } from './kinds/registry';
export { type SecretRef, type SecretResolver, SecretValue } from './kinds/secret';
export { isValidEmail, isValidNumber } from './kinds/normalize';

// ---- Desired-state rules the provider's validation shares
export { type ExtensionRules, extensionProblem } from './desired/reserved';

// ---- Plan and live-state helpers
export { diffFields } from './plan/diff-fields';
export { createLiveCache, readLosses } from './live/read-live-state';

// ---- Platform
export { NetSapiensClient, type PlatformRecord } from './platform/client';
export { DEFAULT_PLATFORM_PROFILE, mergeProfile, type PlatformProfile } from './platform/profile';
