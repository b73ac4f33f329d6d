import { readFileSync } from 'node:fs';
import {
  type Change,
  type ChangeAction,
  PLAN_FORMAT_VERSION,
  type PlanDocument,
  type SafetyViolation,
} from '../reconciler';

/**
 * What the GitOps helpers read of `pbxctl plan --out plan.json` (the core's PlanDocument) and of
 * `pbxctl drift --format json` (DriftReport). Planning is not re-implemented here: both documents are turned
 * into one review view (which domains, which changes, which policy blocks) by an explicit adapter each.
 */

export type PlanFile = PlanDocument;

/** One row of the review view: the core Change's identity, plus field paths and the platform's mtime. */
export interface ChangeRow extends Pick<Change, 'action' | 'kind' | 'key'> {
  readonly fields: readonly string[];
  readonly lastModified?: string;
}

export interface DomainView {
  readonly domain: string;
  readonly changes: readonly ChangeRow[];
  readonly unmanaged: number;
  readonly violations: readonly SafetyViolation[];
}

/** A plan (or drift report) as the helpers count, group and quote it. */
export interface PlanView {
  readonly checksum: string;
  readonly blocked: boolean;
  readonly domains: readonly DomainView[];
}

export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'PlanFileError';
  }
}

/** One object of `pbxctl drift --format json`. */
export interface DriftObject {
  readonly kind: string;
  readonly key: string;
  readonly action: ChangeAction;
  /** Field paths that differ. */
  readonly fields: readonly string[];
  /** The platform's last-modified time of the object, when it has one. */
  readonly last_modified: string | null;
}

/** `pbxctl drift --format json`: `{format_version, checksum, domains: [{domain, drifted, objects}]}`. */
export interface DriftReport {
  readonly format_version: string;
  readonly checksum: string;
  readonly domains: readonly { domain: string; drifted: boolean; objects: readonly DriftObject[] }[];
}

const ACTIONS: readonly ChangeAction[] = ['create', 'update', 'delete', 'recycle'];

/** The review view of a plan document. */
export function planView(plan: PlanDocument): PlanView {
  return {
    checksum: plan.checksum,
    blocked: plan.summary.blocked,
    domains: plan.domains.map((d) => ({
      domain: d.domain,
      changes: d.changes.map((c) => ({
        action: c.action,
        kind: c.kind,
        key: c.key,
        fields: c.fields.map((f) => f.path),
        ...(c.lastModified ? { lastModified: c.lastModified } : {}),
      })),
      unmanaged: d.unmanaged.length,
      violations: d.violations,
    })),
  };
}

/** The review view of a drift report: each drifted object is a change; drift is never blocked. */
export function driftView(report: DriftReport): PlanView {
  return {
    checksum: report.checksum,
    blocked: false,
    domains: report.domains.map((d) => ({
      domain: d.domain,
      changes: d.objects.map((o) => ({
        action: o.action,
        kind: o.kind,
        key: o.key,
        fields: o.fields,
        ...(o.last_modified ? { lastModified: o.last_modified } : {}),
      })),
      unmanaged: 0,
      violations: [],
    })),
  };
}

type Json = Record<string, unknown>;

function check(ok: boolean, file: string, reason: string): void {
  if (!ok) throw new PlanFileError(file, reason);
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks shared by both documents: format version, checksum, a list of domains. */
function checkEnvelope(data: unknown, file: string): asserts data is Json & { domains: unknown[] } {
  check(isObject(data), file, 'expected a JSON object');
  const doc = data as Json;
  check(
    doc.format_version === PLAN_FORMAT_VERSION,
    file,
    `unsupported format_version ${JSON.stringify(doc.format_version)} (expected "${PLAN_FORMAT_VERSION}")`,
  );
  check(
    typeof doc.checksum === 'string' && /^[0-9a-f]{64}$/.test(doc.checksum),
    file,
    'checksum must be a sha256 hex string',
  );
  check(Array.isArray(doc.domains), file, 'domains must be an array');
}

function checkChange(change: unknown, where: string, file: string, fieldsAre: 'paths' | 'changes'): void {
  check(isObject(change), file, `${where} must be an object`);
  const c = change as Json;
  check(ACTIONS.includes(c.action as ChangeAction), file, `${where}.action must be one of ${ACTIONS.join(', ')}`);
  check(typeof c.kind === 'string' && typeof c.key === 'string', file, `${where} needs "kind" and "key" strings`);
  const fields = c.fields;
  const ok =
    Array.isArray(fields) &&
    fields.every((f) => (fieldsAre === 'paths' ? typeof f === 'string' : isObject(f) && typeof f.path === 'string'));
  check(ok, file, `${where}.fields must be a list of ${fieldsAre === 'paths' ? 'field paths' : '{path, …} changes'}`);
}

function checkPlanDocument(doc: Json & { domains: unknown[] }, file: string): PlanDocument {
  check(isObject(doc.summary) && typeof doc.summary.blocked === 'boolean', file, 'summary.blocked is missing');
  for (const [i, domain] of doc.domains.entries()) {
    const d = domain as Json;
    check(isObject(d) && typeof d.domain === 'string', file, `domains[${i}] needs a "domain" string`);
    for (const list of ['changes', 'unmanaged', 'violations'])
      check(Array.isArray(d[list]), file, `domains[${i}].${list} must be an array`);
    for (const [j, c] of (d.changes as unknown[]).entries())
      checkChange(c, `domains[${i}].changes[${j}]`, file, 'changes');
  }
  return doc as unknown as PlanDocument;
}

function checkDriftReport(doc: Json & { domains: unknown[] }, file: string): DriftReport {
  for (const [i, domain] of doc.domains.entries()) {
    const d = domain as Json;
    check(isObject(d) && typeof d.domain === 'string', file, `domains[${i}] needs a "domain" string`);
    for (const [j, o] of (d.objects as unknown[]).entries())
      checkChange(o, `domains[${i}].objects[${j}]`, file, 'paths');
  }
  return doc as unknown as DriftReport;
}

/** A drift report has no summary and `objects` instead of `changes` in every domain. */
function isDriftReport(doc: Json & { domains: unknown[] }): boolean {
  return doc.summary === undefined && doc.domains.every((d) => isObject(d) && Array.isArray(d.objects));
}

/** Parse `pbxctl plan --out plan.json` or `pbxctl drift --format json` into the review view. */
export function parsePlan(text: string, file = 'plan.json'): PlanView {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  checkEnvelope(data, file);
  return isDriftReport(data) ? driftView(checkDriftReport(data, file)) : planView(checkPlanDocument(data, file));
}

export function readPlanFile(file: string): PlanView {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parsePlan(text, file);
}

export interface DomainCounts {
  readonly domain: string;
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly recycle: number;
  readonly unmanaged: number;
  readonly blocked: readonly SafetyViolation[];
}

export function countDomain(domain: DomainView): DomainCounts {
  const count = (action: ChangeAction) => domain.changes.filter((c) => c.action === action).length;
  return {
    domain: domain.domain,
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    recycle: count('recycle'),
    unmanaged: domain.unmanaged,
    blocked: domain.violations,
  };
}

export function hasChanges(plan: PlanView): boolean {
  return plan.domains.some((domain) => domain.changes.length > 0);
}

export function isBlocked(plan: PlanView): boolean {
  return plan.blocked || plan.domains.some((domain) => domain.violations.length > 0);
}

/** One line per blocking rule, `domain: message (rule)` (pbxctl's messages already start with the domain). */
export function blockReasons(plan: PlanView): string[] {
  return plan.domains.flatMap((domain) =>
    domain.violations.map((block) => {
      const message = block.message.startsWith(`${domain.domain}: `)
        ? block.message
        : `${domain.domain}: ${block.message}`;
      return `${message} (${block.rule})`;
    }),
  );
}

/** True when every block of the plan can be lifted by a flag (--allow-deletes / --allow-recycle). */
export function blocksAreApprovable(plan: PlanView): boolean {
  return plan.domains.every((domain) => domain.violations.every((v) => v.flag !== undefined));
}
