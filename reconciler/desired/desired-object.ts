/** One YAML entry → a desired object: keys normalised, values checked, secrets resolved, content compared. */
import type { DesiredStateIssue, SourcePosition } from '../errors';
import type { AnyKind, DesiredObject, FieldSpec, Reference } from '../kinds/kind';
import { isValidEmail, isValidNumber } from '../kinds/normalize';
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS, pinProblem, type SecretResolver } from '../kinds/secret';
import { quoteValue } from '../util/escape';
import { at, dotted, yamlPath } from './positions';
import type { LoadOptions, ParsedFile } from './types';

export function desiredObject(
  kind: AnyKind,
  domain: string,
  raw: Record<string, unknown>,
  p: ParsedFile,
  path: (string | number)[],
  options: LoadOptions,
  issues: DesiredStateIssue[],
): DesiredObject {
  const spec = normaliseKeys(kind.fields, raw);
  checkValues(kind.fields, spec, p, path, issues);
  for (const issue of kind.checkEntry?.(spec) ?? []) {
    const where = [...path, ...issue.path];
    issues.push({ position: at(p, where), path: dotted(where), message: issue.message, hint: issue.hint });
  }
  const resolver: SecretResolver = (ref) => {
    if (!options.secrets) return undefined;
    const where = [...path, ...secretPath(kind.fields, spec)];
    const v = options.secrets(ref);
    if (!v) {
      issues.push({
        position: at(p, where),
        path: dotted(where),
        message: `environment variable ${ref.env} is not set`,
        hint: `export ${ref.env}=… (CI: from a secret) before plan or apply`,
      });
      return v;
    }
    const problem = where[where.length - 1] === 'pin' ? pinProblem(v.reveal()) : undefined;
    if (problem) {
      issues.push({
        position: at(p, where),
        path: dotted(where),
        message: `the PIN in ${v.origin.replace(/^env /, '')} ${problem}`,
        hint: `a voicemail PIN is ${PIN_MIN_DIGITS}–${PIN_MAX_DIGITS} digits (0–9) and nothing else`,
      });
    }
    return v;
  };
  const key = kind.shape === 'set' ? domain : kind.key(spec);
  const comparable = kind.toComparable(spec, resolver);
  const positions = referencePositions(kind.references(key, comparable, spec), p, path);
  return {
    kind: kind.name,
    domain,
    key,
    spec,
    comparable,
    source: at(p, path),
    path: dotted(path),
    ...(positions ? { positions } : {}),
  };
}

/** file:line of each field that names another object (checked once live state is known). */
function referencePositions(
  refs: readonly Reference[],
  p: ParsedFile,
  path: readonly (string | number)[],
): Record<string, SourcePosition> | undefined {
  let out: Record<string, SourcePosition> | undefined;
  for (const r of refs) {
    if (r.field === undefined || out?.[r.field]) continue;
    out ??= {};
    out[r.field] = at(p, [...path, ...yamlPath(r.field)]);
  }
  return out;
}

function secretPath(fields: readonly FieldSpec[], spec: Record<string, unknown>, prefix: string[] = []): string[] {
  for (const f of fields) {
    if (spec[f.name] === undefined) continue;
    if (f.type === 'secret') return [...prefix, f.name];
    if (f.type === 'object' && typeof spec[f.name] === 'object') {
      const inner = secretPath(f.fields, spec[f.name] as Record<string, unknown>, [...prefix, f.name]);
      if (inner.length > prefix.length + 1) return inner;
    }
  }
  return prefix;
}

/** Value checks (e-mail, phone syntax) of an entry that cannot become an object (a required field is missing). */
export function checkEntryValues(
  kind: AnyKind,
  raw: Record<string, unknown>,
  p: ParsedFile,
  path: (string | number)[],
  issues: DesiredStateIssue[],
): void {
  checkValues(kind.fields, normaliseKeys(kind.fields, raw), p, path, issues);
}

/** YAML lets extensions be numbers (`extension: 1001`); the platform's ids are strings. */
function normaliseKeys(fields: readonly FieldSpec[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const f of fields) {
    const v = out[f.name];
    if (v === undefined) continue;
    if (f.type === 'string' && typeof v === 'number') out[f.name] = String(v);
    if (f.type === 'list' && Array.isArray(v)) out[f.name] = v.map((x) => (typeof x === 'number' ? String(x) : x));
    if (f.type === 'object' && v && typeof v === 'object' && !Array.isArray(v))
      out[f.name] = normaliseKeys(f.fields, v as Record<string, unknown>);
    if (f.type === 'object-list' && Array.isArray(v))
      out[f.name] = v.map((x) =>
        x && typeof x === 'object'
          ? normaliseKeys(f.fields, x as Record<string, unknown>)
          : typeof x === 'number'
            ? String(x)
            : x,
      );
  }
  return out;
}

/** Value rules the schema cannot express: e-mail and phone-number syntax. */
function checkValues(
  fields: readonly FieldSpec[],
  spec: Record<string, unknown>,
  p: ParsedFile,
  path: (string | number)[],
  issues: DesiredStateIssue[],
): void {
  for (const f of fields) {
    const v = spec[f.name];
    if (v === undefined) continue;
    const here = [...path, f.name];
    if (f.type === 'string' && typeof v === 'string') {
      if (f.format === 'email' && !isValidEmail(v))
        issues.push({
          position: at(p, here),
          path: dotted(here),
          message: `${quoteValue(v)} is not a valid e-mail address`,
          hint: 'use name@example.com (several separated by ;)',
        });
      if (f.format === 'phone' && v !== '' && !isValidNumber(v))
        issues.push({
          position: at(p, here),
          path: dotted(here),
          message: `${quoteValue(v)} is not a phone number`,
          hint: 'use E.164, e.g. "+1 212 555 0100"',
        });
    }
    if (f.type === 'list' && f.items === 'phone' && Array.isArray(v)) {
      v.forEach((x, i) => {
        if (typeof x === 'string' && !isValidNumber(x))
          issues.push({
            position: at(p, [...here, i]),
            path: dotted([...here, i]),
            message: `${quoteValue(x)} is not a phone number`,
            hint: 'use E.164 ("+1 800 555 0199"), or anonymous / unknown',
          });
      });
    }
    if (f.type === 'object' && v && typeof v === 'object' && !Array.isArray(v))
      checkValues(f.fields, v as Record<string, unknown>, p, here, issues);
    if (f.type === 'object-list' && Array.isArray(v))
      v.forEach((x, i) => {
        if (x && typeof x === 'object') checkValues(f.fields, x as Record<string, unknown>, p, [...here, i], issues);
      });
  }
}
