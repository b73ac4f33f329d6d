/**
 * YAML → DesiredState (design.md §4, first stage). Reads a file or a directory of files, keeps source
 * positions, and reports ALL problems at once, each with file:line:column and the field path. No API call
 * is made here; a file that fails to load changes nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isMap, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { DesiredStateError, type DesiredStateIssue, type SourcePosition } from '../errors';
import type { AnyKind, DesiredObject, FieldSpec } from '../kinds/kind';
import { isValidEmail, isValidNumber } from '../kinds/normalize';
import { KINDS } from '../kinds/registry';
import { isSecretRef, type SecretResolver } from '../kinds/secret';
import { type ChangeWindow, isKnownTimeZone, type Weekday } from '../plan/change-window';
import { buildDesiredStateSchema } from './json-schema';
import { DEFAULT_EXTENSION_RULES, type ExtensionRules, extensionProblem } from './reserved';

export interface Policy {
  readonly prune: boolean;
  readonly maxDeletes?: number;
  readonly protect: readonly string[];
  /**
   * Settings people change themselves (portal, handset): applied when an object is created, then left
   * alone — differences are reported, never reverted. Dotted field paths; default `voicemail.pin`.
   */
  readonly userOwned?: readonly string[];
  /** When apply may change routing or destroy data. */
  readonly changeWindow?: ChangeWindow;
}

/** PINs are changed by their owners on the handset: by default pbxctl sets them at creation only. */
export const DEFAULT_USER_OWNED: readonly string[] = ['voicemail.pin'];

export interface DomainDesiredState {
  readonly domain: string;
  readonly files: readonly string[];
  readonly policy: Policy;
  readonly extensionRules: ExtensionRules;
  /** Desired objects by kind name. */
  readonly objects: ReadonlyMap<string, readonly DesiredObject[]>;
  /** The raw text of the files, for the input checksum of a saved plan. */
  readonly sourceText: string;
}

export interface DesiredState {
  readonly domains: readonly DomainDesiredState[];
}

export interface LoadOptions {
  /** Resolves `{ env: NAME }`. Without it, references are checked for shape only (validate). */
  readonly secrets?: SecretResolver;
  /** Base for relative file names in messages (default: cwd). */
  readonly cwd?: string;
}

interface ParsedFile {
  readonly file: string;
  readonly displayName: string;
  /** Path relative to the path given to the loader. */
  readonly rootRelative: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

let validator: ReturnType<Ajv2020['compile']> | undefined;
function validate(value: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv);
    validator = ajv.compile(buildDesiredStateSchema());
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** Lists the YAML files of a path (a file, or a directory searched recursively), sorted. */
export function listDesiredFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listDesiredFiles(full));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

export function loadDesiredState(path: string, options: LoadOptions = {}): DesiredState {
  const issues: DesiredStateIssue[] = [];
  let files: string[];
  try {
    files = listDesiredFiles(path);
  } catch {
    throw new DesiredStateError([{ path: '', message: `cannot read ${path}`, hint: 'check the path exists' }]);
  }
  if (files.length === 0)
    throw new DesiredStateError([
      { path: '', message: `no .yaml files under ${path}`, hint: 'point at a domain file or a directory of them' },
    ]);
  const cwd = options.cwd ?? process.cwd();
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter: lines,
      keepSourceTokens: false,
      uniqueKeys: true,
      prettyErrors: false,
    });
    const displayName = relative(cwd, file) || file;
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      issues.push({
        position: { file: displayName, line: pos.line, column: pos.col },
        path: '',
        message: e.message.split('\n')[0] ?? e.message,
      });
    }
    const rootRelative = relative(statSync(path).isFile() ? dirname(path) : path, file) || file;
    parsed.push({ file, displayName, rootRelative, text, doc, lines });
  }
  if (issues.length) throw new DesiredStateError(issues);

  const byDomain = new Map<string, ParsedFile[]>();
  for (const p of parsed) {
    const value = p.doc.toJS() as Record<string, unknown> | null;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ position: at(p, []), path: '', message: 'the file must be a mapping with `version` and `domain`' });
      continue;
    }
    issues.push(...schemaIssues(p, value));
    const domain = typeof value.domain === 'string' ? value.domain : undefined;
    if (domain) byDomain.set(domain, [...(byDomain.get(domain) ?? []), p]);
  }

  const domains: DomainDesiredState[] = [];
  for (const [domain, domainFiles] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
    domains.push(buildDomain(domain, domainFiles, options, issues));
  }
  if (issues.length) throw new DesiredStateError(sortIssues(issues));
  return { domains };
}

function sortIssues(issues: DesiredStateIssue[]): DesiredStateIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.position?.file ?? '').localeCompare(b.position?.file ?? '') ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/** Source position of the node at a path (or its nearest existing ancestor). */
function at(p: ParsedFile, path: readonly (string | number)[], key = false): SourcePosition {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = (sub.length === 0 ? p.doc.contents : p.doc.getIn(sub, true)) as YamlNode | undefined;
    if (node?.range) {
      let offset = node.range[0];
      if (key && n === path.length && n > 0) {
        // Point at the key rather than the value when reporting the key itself.
        const parent = (n === 1 ? p.doc.contents : p.doc.getIn(sub.slice(0, -1), true)) as YamlNode | undefined;
        if (parent && isMap(parent)) {
          const pair = parent.items.find((it) => (it.key as { value?: unknown })?.value === sub[sub.length - 1]);
          const k = pair?.key as YamlNode | undefined;
          if (k?.range) offset = k.range[0];
        }
      }
      const pos = p.lines.linePos(offset);
      return { file: p.displayName, line: pos.line, column: pos.col };
    }
  }
  return { file: p.displayName, line: 1, column: 1 };
}

function dotted(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function schemaIssues(p: ParsedFile, value: unknown): DesiredStateIssue[] {
  const out: DesiredStateIssue[] = [];
  const seen = new Set<string>();
  // Secrets given as literals get a specific message (and the generic schema error is dropped).
  const literalSecrets = new Set<string>();
  forEachSecretField(value, (path, v) => {
    if (!isSecretRef(v)) {
      literalSecrets.add(`/${path.join('/')}`);
      out.push({
        position: at(p, path),
        path: dotted(path),
        message: 'a PIN must not be written in the file',
        hint: 'reference an environment variable instead, e.g. `pin: { env: VM_PIN_1001 }`',
      });
    }
  });
  const errors = validate(value).filter((e) => ![...literalSecrets].some((s) => e.instancePath.startsWith(s)));
  // Shorthand alternatives (anyOf) make ajv report "must be string" next to the real problem inside the
  // long form: drop a type error where a more specific error exists at or below the same place, and merge
  // the type errors of alternatives into one ("must be object or boolean").
  const specific = errors.filter((e) => e.keyword !== 'type' && e.keyword !== 'anyOf');
  const typesAt = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'type') continue;
    typesAt.set(e.instancePath, [...(typesAt.get(e.instancePath) ?? []), String((e.params as { type: string }).type)]);
  }
  for (const e of errors) {
    if (
      e.keyword === 'type' &&
      specific.some((x) => x.instancePath === e.instancePath || x.instancePath.startsWith(`${e.instancePath}/`))
    )
      continue;
    if (e.keyword === 'type') {
      const all = [...new Set(typesAt.get(e.instancePath) ?? [])];
      if (all.length > 1) e.message = `must be ${all.join(' or ')}`;
    }
    // anyOf branches repeat each other; keep the most useful one per path.
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    let message: string;
    let hint: string | undefined;
    let fieldPath = path;
    switch (e.keyword) {
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        fieldPath = [...path, extra];
        message = `unknown field "${extra}"`;
        hint = suggest(extra, e.parentSchema);
        break;
      }
      case 'required':
        message = `missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
        break;
      case 'maxProperties':
        message = `set only one of: ${Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).join(', ')}`;
        break;
      case 'enum':
        message = `must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
        break;
      case 'anyOf':
        continue;
      default:
        message = e.message ?? 'is invalid';
    }
    const id = `${dotted(fieldPath)}|${message}`;
    if (seen.has(id) || (e.keyword === 'type' && seen.has(`${dotted(fieldPath)}|type`))) continue;
    seen.add(id);
    if (e.keyword === 'type') seen.add(`${dotted(fieldPath)}|type`);
    out.push({
      position: at(p, fieldPath, e.keyword === 'additionalProperties'),
      path: dotted(fieldPath),
      message,
      hint,
    });
  }
  return out;
}

function suggest(name: string, parentSchema: unknown): string | undefined {
  const props = Object.keys((parentSchema as { properties?: object })?.properties ?? {});
  const close = props.find((p) => levenshtein(p, name) <= 2);
  return close ? `did you mean "${close}"?` : props.length ? `known fields: ${props.join(', ')}` : undefined;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  return (d[a.length] as number[])[b.length] as number;
}

/** Visits every value of a `secret` field in the document. */
function forEachSecretField(value: unknown, visit: (path: (string | number)[], v: unknown) => void): void {
  if (!value || typeof value !== 'object') return;
  const doc = value as Record<string, unknown>;
  for (const kind of KINDS) {
    const section = doc[kind.section];
    if (!Array.isArray(section)) continue;
    section.forEach((entry, i) => {
      walkFields(kind.fields, entry, [kind.section, i], visit);
    });
  }
}

function walkFields(
  fields: readonly FieldSpec[],
  value: unknown,
  path: (string | number)[],
  visit: (path: (string | number)[], v: unknown) => void,
): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  for (const f of fields) {
    if (obj[f.name] === undefined) continue;
    if (f.type === 'secret') visit([...path, f.name], obj[f.name]);
    else if (f.type === 'object') walkFields(f.fields, obj[f.name], [...path, f.name], visit);
  }
}

function buildDomain(
  domain: string,
  files: ParsedFile[],
  options: LoadOptions,
  issues: DesiredStateIssue[],
): DomainDesiredState {
  let policy: Policy = { prune: false, protect: [], userOwned: DEFAULT_USER_OWNED };
  let policyFrom: ParsedFile | undefined;
  let rules: ExtensionRules = DEFAULT_EXTENSION_RULES;
  const objects = new Map<string, DesiredObject[]>();
  const extensionsSeen = new Map<string, { file: ParsedFile; path: (string | number)[] }>();

  for (const p of files) {
    const value = p.doc.toJS() as Record<string, unknown>;
    if (value.policy !== undefined) {
      if (policyFrom) {
        issues.push({
          position: at(p, ['policy'], true),
          path: 'policy',
          message: `policy for ${domain} is already set in ${policyFrom.displayName}`,
          hint: 'keep one `policy:` per domain',
        });
      }
      policyFrom = p;
      const raw = value.policy as {
        prune?: boolean;
        max_deletes?: number;
        protect?: unknown[];
        user_owned?: string[];
        change_window?: { days: Weekday[]; start: string; end: string; time_zone: string };
      };
      const cw = raw.change_window;
      if (cw && typeof cw.time_zone === 'string' && !isKnownTimeZone(cw.time_zone)) {
        issues.push({
          position: at(p, ['policy', 'change_window', 'time_zone']),
          path: 'policy.change_window.time_zone',
          message: `unknown time zone "${cw.time_zone}"`,
          hint: 'use an IANA name such as America/New_York',
        });
      }
      policy = {
        prune: raw.prune === true,
        maxDeletes: raw.max_deletes,
        protect: (raw.protect ?? []).map(String),
        userOwned: raw.user_owned ?? DEFAULT_USER_OWNED,
        ...(cw?.days && cw.start && cw.end && cw.time_zone
          ? { changeWindow: { days: cw.days, start: cw.start, end: cw.end, timeZone: cw.time_zone } }
          : {}),
      };
    }
    if (value.extensions !== undefined) {
      const raw = value.extensions as { min?: number; max?: number; reserved?: string[] };
      rules = {
        min: raw.min ?? DEFAULT_EXTENSION_RULES.min,
        max: raw.max ?? DEFAULT_EXTENSION_RULES.max,
        reserved: raw.reserved ?? [],
      };
    }
  }

  for (const p of files) {
    const value = p.doc.toJS() as Record<string, unknown>;
    for (const kind of KINDS) {
      const section = value[kind.section];
      if (section === undefined) continue;
      const list = objects.get(kind.name) ?? [];
      if (kind.shape === 'set') {
        if (list.length > 0) {
          issues.push({
            position: at(p, [kind.section], true),
            path: kind.section,
            message: `${kind.section} for ${domain} is already set in another file`,
            hint: `keep one \`${kind.section}:\` per domain`,
          });
          continue;
        }
        list.push(
          desiredObject(
            kind,
            domain,
            { [kind.fields[0]?.name ?? 'numbers']: section },
            p,
            [kind.section],
            options,
            issues,
          ),
        );
      } else if (Array.isArray(section)) {
        section.forEach((entry, i) => {
          if (!entry || typeof entry !== 'object') return; // reported by the schema
          list.push(
            desiredObject(kind, domain, entry as Record<string, unknown>, p, [kind.section, i], options, issues),
          );
        });
      }
      objects.set(kind.name, list);
    }
  }

  // Cross-entry rules: unique extensions across all kinds that own one, range and reserved space.
  for (const [kindName, list] of objects) {
    const kind = KINDS.find((k) => k.name === kindName);
    if (!kind?.fields.some((f) => f.name === 'extension')) continue;
    for (const obj of list) {
      const file = files.find((f) => f.displayName === obj.source?.file) ?? files[0]!;
      const path = [
        ...(obj.path ?? '')
          .split(/[.[\]]+/)
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
        'extension',
      ];
      const ext = obj.key;
      const first = extensionsSeen.get(ext);
      if (first) {
        const pos = at(first.file, first.path);
        issues.push({
          position: at(file, path),
          path: dotted(path),
          message: `duplicate extension ${ext} (also at ${pos.file}:${pos.line}:${pos.column})`,
          hint: 'every user and ring group needs its own extension',
        });
      } else extensionsSeen.set(ext, { file, path });
      const problem = extensionProblem(ext, rules);
      if (problem)
        issues.push({ position: at(file, path), path: dotted(path), message: problem, hint: 'pick another extension' });
    }
  }
  // Other list kinds: the identity (e.g. a contact's name + company) must be unique too.
  for (const [kindName, list] of objects) {
    const kind = KINDS.find((k) => k.name === kindName);
    if (kind?.shape !== 'list' || kind.fields.some((f) => f.name === 'extension')) continue;
    const seen = new Map<string, DesiredObject>();
    for (const obj of list) {
      const first = seen.get(obj.key);
      if (first) {
        const file = files.find((f) => f.displayName === obj.source?.file) ?? files[0]!;
        const path = (obj.path ?? '')
          .split(/[.[\]]+/)
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        issues.push({
          position: at(file, path),
          path: obj.path ?? '',
          message: `duplicate ${kind.title.toLowerCase()} "${obj.key}" (also at ${first.source?.file}:${first.source?.line}:${first.source?.column})`,
          hint: 'each entry must be unique; merge the two',
        });
      } else seen.set(obj.key, obj);
    }
  }
  for (const ext of policy.protect) {
    if (!/^[0-9]+$/.test(ext) && policyFrom)
      issues.push({
        position: at(policyFrom, ['policy', 'protect']),
        path: 'policy.protect',
        message: `"${ext}" is not an extension`,
      });
  }

  return {
    domain,
    files: files.map((f) => f.displayName),
    policy,
    extensionRules: rules,
    objects,
    // Names relative to the loaded root (not the cwd), so a saved plan's input checksum does not depend
    // on where pbxctl runs.
    sourceText: files.map((f) => `# ${f.rootRelative}\n${f.text}`).join('\n'),
  };
}

function desiredObject(
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
  const resolver: SecretResolver = (ref) => {
    if (!options.secrets) return undefined;
    const v = options.secrets(ref);
    if (!v) {
      issues.push({
        position: at(p, [...path, ...secretPath(kind.fields, spec)]),
        path: dotted([...path, ...secretPath(kind.fields, spec)]),
        message: `environment variable ${ref.env} is not set`,
        hint: `export ${ref.env}=… (CI: from a secret) before plan or apply`,
      });
    }
    return v;
  };
  const key = kind.shape === 'set' ? domain : kind.key(spec);
  return {
    kind: kind.name,
    domain,
    key,
    spec,
    comparable: kind.toComparable(spec, resolver),
    source: at(p, path),
    path: dotted(path),
  };
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
          message: `"${v}" is not a valid e-mail address`,
          hint: 'use name@example.com (several separated by ;)',
        });
      if (f.format === 'phone' && v !== '' && !isValidNumber(v))
        issues.push({
          position: at(p, here),
          path: dotted(here),
          message: `"${v}" is not a phone number`,
          hint: 'use E.164, e.g. "+1 212 555 0100"',
        });
    }
    if (f.type === 'list' && f.items === 'phone' && Array.isArray(v)) {
      v.forEach((x, i) => {
        if (typeof x === 'string' && !isValidNumber(x))
          issues.push({
            position: at(p, [...here, i]),
            path: dotted([...here, i]),
            message: `"${x}" is not a phone number`,
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
