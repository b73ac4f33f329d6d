/**
 * Validators precompiled at `npm run gen` time (issue 15: start-up counts). Compiling the desired-state
 * schema with ajv cost about 300 ms of CPU on every CLI run; scripts/gen-validators.ts writes the same
 * validators as code (ajv's standalone generation) into validators.gen.js (plain CommonJS, copied to dist/
 * by tsc's allowJs), which loads in about 30 ms.
 *
 * Each precompiled validator carries the hash of the schema it was compiled from: a schema that differs
 * (another registry, or a generated file not yet regenerated) is compiled at run time as before, so a
 * result never comes from a stale validator. test/e2e/gen.test.ts fails when the committed file is stale.
 */
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv/dist/2020';

/** The validators validators.gen.js exports, by name. */
export type PrecompiledName = 'desiredState' | 'fleetFile' | 'platformSection';

/**
 * The ajv options the generated validators are compiled with: those of the desired-state validator
 * (`verbose` for the schema and data in each error, `validateSchema: false` as json-schema.test.ts checks
 * the schema against the 2020-12 meta-schema). The platform-profile validators read only `instancePath`,
 * `params` and `message` of an error, which these options do not change.
 */
export const PRECOMPILED_AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  verbose: true,
  validateSchema: false,
  code: { source: true, lines: true },
} as const;

/** Identifies a schema: the SHA-256 of its JSON text. */
export function schemaHash(schema: unknown): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

interface GeneratedModule {
  readonly SCHEMA_HASHES: Readonly<Partial<Record<PrecompiledName, string>>>;
  readonly validators: Readonly<Partial<Record<PrecompiledName, ValidateFunction>>>;
}

let generated: GeneratedModule | undefined;

/**
 * The precompiled validator `name` when it was compiled from exactly `schema`, else `compile()` (run once
 * per call: callers cache the result).
 */
export function validatorFor(
  name: PrecompiledName,
  schema: unknown,
  compile: () => ValidateFunction,
): ValidateFunction {
  // Loaded on first use, like ajv itself (reconciler/util/lazy-modules.ts): starts that never validate skip it.
  generated ??= loadGenerated();
  const precompiled = generated.validators[name];
  return precompiled && generated.SCHEMA_HASHES[name] === schemaHash(schema) ? precompiled : compile();
}

/**
 * The generated module, or none when a build left it out (tsc copies it only with `allowJs`: a project that
 * compiles these sources with its own tsconfig, like the CDKTF example, gets no copy): then every validator
 * is compiled at run time, as before the precompiled ones existed.
 */
function loadGenerated(): GeneratedModule {
  try {
    return require('./validators.gen') as GeneratedModule;
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /validators\.gen/.test(String(err));
    if (!missing) throw err;
    return { SCHEMA_HASHES: {}, validators: {} };
  }
}
