import { readFileSync } from 'node:fs';

/**
 * The parts of `pbxctl plan --out plan.json` (format_version "1") that the CI helpers read. Planning is not
 * re-implemented here: these helpers only count, group and quote what the plan command wrote.
 */

export interface PlanBlock {
  readonly rule: string;
  readonly message: string;
}

export interface PlanChange {
  /** The discriminant (`create | update | delete | recycle`); read defensively via changeAction(). */
  readonly action?: string;
  readonly op?: string;
  readonly type?: string;
  readonly kind?: string;
  readonly key?: string;
  readonly class?: string;
  readonly [field: string]: unknown;
}

export interface DomainPlan {
  readonly domain: string;
  readonly changes: readonly PlanChange[];
  readonly unmanaged?: readonly unknown[];
  readonly blocked?: readonly PlanBlock[];
  /** What `pbxctl plan --out` really writes for policy blocks (`{domain, rule, message, flag?}`). */
  readonly violations?: readonly PlanBlock[];
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly recycle: number;
  readonly cosmetic?: number;
  readonly routing?: number;
  readonly data_destroying?: number;
  readonly blocked: boolean;
}

export interface PlanFile {
  readonly format_version: '1';
  readonly checksum: string;
  readonly created_at?: string;
  readonly domains: readonly DomainPlan[];
  readonly summary: PlanSummary;
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
  readonly action: string;
  /** Field paths that differ. */
  readonly fields: readonly string[];
  /** The platform's last-modified time of the object, when it has one. */
  readonly last_modified: string | null;
}

/** `pbxctl drift --format json`: `{format_version, checksum, domains: [{domain, drifted, objects}]}`. */
export interface DriftReport {
  readonly format_version: '1';
  readonly checksum: string;
  readonly domains: readonly { domain: string; drifted: boolean; objects: readonly DriftObject[] }[];
}

function isDriftReport(data: Record<string, unknown>): boolean {
  return (
    Array.isArray(data.domains) &&
    data.summary === undefined &&
    data.domains.every(
      (d) => typeof d === 'object' && d !== null && Array.isArray((d as { objects?: unknown }).objects),
    )
  );
}

/**
 * Read a drift report as a plan: each drifted object becomes a change (`action`, `kind`, `key`, `fields`,
 * `last_modified`), so the drift helpers can treat `drift.json` like a `plan.json`.
 */
export function driftReportAsPlan(report: DriftReport): PlanFile {
  const domains: DomainPlan[] = report.domains.map((d) => ({
    domain: d.domain,
    changes: d.objects.map((o) => ({ ...o })),
    unmanaged: [],
    blocked: [],
  }));
  const count = (action: string) =>
    domains.reduce((n, d) => n + d.changes.filter((c) => changeAction(c) === action).length, 0);
  return {
    format_version: '1',
    checksum: report.checksum,
    domains,
    summary: {
      create: count('create'),
      update: count('update'),
      delete: count('delete'),
      recycle: count('recycle'),
      blocked: false,
    },
  };
}

/** Parse `pbxctl plan --out plan.json`, or `pbxctl drift --format json` (read as a plan, see driftReportAsPlan). */
export function parsePlan(text: string, file = 'plan.json'): PlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null) throw new PlanFileError(file, 'expected a JSON object');
  if ((data as { format_version?: unknown }).format_version === '1' && isDriftReport(data as Record<string, unknown>)) {
    const report = data as DriftReport;
    if (typeof report.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(report.checksum)) {
      throw new PlanFileError(file, 'checksum must be a sha256 hex string');
    }
    for (const [i, domain] of report.domains.entries()) {
      if (typeof domain.domain !== 'string') throw new PlanFileError(file, `domains[${i}] needs a "domain" string`);
    }
    return driftReportAsPlan(report);
  }
  const plan = data as Partial<PlanFile>;
  if (plan.format_version !== '1') {
    throw new PlanFileError(file, `unsupported format_version ${JSON.stringify(plan.format_version)} (expected "1")`);
  }
  if (typeof plan.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(plan.checksum)) {
    throw new PlanFileError(file, 'checksum must be a sha256 hex string');
  }
  if (!Array.isArray(plan.domains)) throw new PlanFileError(file, 'domains must be an array');
  for (const [i, domain] of plan.domains.entries()) {
    if (typeof domain?.domain !== 'string' || !Array.isArray(domain.changes)) {
      throw new PlanFileError(file, `domains[${i}] needs a "domain" string and a "changes" array`);
    }
  }
  if (typeof plan.summary !== 'object' || plan.summary === null) throw new PlanFileError(file, 'summary is missing');
  return plan as PlanFile;
}

export function readPlanFile(file: string): PlanFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parsePlan(text, file);
}

export function changeAction(change: PlanChange): string {
  const value = change.action ?? change.op ?? change.type;
  return typeof value === 'string' ? value : 'unknown';
}

export interface DomainCounts {
  readonly domain: string;
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly recycle: number;
  readonly unmanaged: number;
  readonly blocked: readonly PlanBlock[];
}

export function countDomain(domain: DomainPlan): DomainCounts {
  const count = (action: string) => domain.changes.filter((c) => changeAction(c) === action).length;
  return {
    domain: domain.domain,
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    recycle: count('recycle'),
    unmanaged: domain.unmanaged?.length ?? 0,
    blocked: blocksOf(domain),
  };
}

/** Policy blocks of a domain: `violations` (what pbxctl plan writes) or `blocked`. */
export function blocksOf(domain: DomainPlan): readonly PlanBlock[] {
  return domain.blocked?.length ? domain.blocked : (domain.violations ?? []);
}

export function hasChanges(plan: PlanFile): boolean {
  return plan.domains.some((domain) => domain.changes.length > 0);
}

export function isBlocked(plan: PlanFile): boolean {
  return plan.summary.blocked === true || plan.domains.some((domain) => blocksOf(domain).length > 0);
}

/** One line per blocking rule, `domain: message (rule)` (pbxctl's messages already start with the domain). */
export function blockReasons(plan: PlanFile): string[] {
  return plan.domains.flatMap((domain) =>
    blocksOf(domain).map((block) => {
      const message = block.message.startsWith(`${domain.domain}: `)
        ? block.message
        : `${domain.domain}: ${block.message}`;
      return `${message} (${block.rule})`;
    }),
  );
}
