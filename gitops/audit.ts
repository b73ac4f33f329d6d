import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { AuditRecord } from '../reconciler';

/**
 * Reading `pbxctl apply --audit-log` files (JSON lines, one AuditRecord per apply and domain: the core's
 * type) and the per-shard apply results of a matrix. A line that is not an audit record is an error: the
 * log is our own output, and a report built on a misread log would be wrong.
 */

export type AuditOperation = AuditRecord['operations'][number] & { readonly domain: string };

export class AuditLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditLogError';
  }
}

function toRecord(line: string, index: number): AuditRecord {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new AuditLogError(`audit log line ${index + 1} is not JSON`);
  }
  const r = record as Partial<AuditRecord> | null;
  if (!r || typeof r.domain !== 'string' || !Array.isArray(r.operations)) {
    throw new AuditLogError(
      `audit log line ${index + 1} is not a pbxctl audit record (needs "domain" and "operations")`,
    );
  }
  return r as AuditRecord;
}

export function parseAuditLog(text: string): AuditOperation[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .flatMap(({ line, index }) => {
      const record = toRecord(line, index);
      return record.operations.map((op) => ({ ...op, domain: record.domain }));
    });
}

export const isFailed = (op: AuditOperation) => op.result === 'failed';
export const isSkipped = (op: AuditOperation) => op.result === 'skipped';

export interface ApplyShardResult {
  readonly name: string;
  readonly exitCode?: number;
  readonly audit: string;
  readonly log?: string;
}

function readApplyShard(dir: string, name: string): ApplyShardResult {
  const exitText = existsSync(join(dir, 'exit-code')) ? readFileSync(join(dir, 'exit-code'), 'utf8').trim() : '';
  const audit = existsSync(join(dir, 'audit.jsonl')) ? readFileSync(join(dir, 'audit.jsonl'), 'utf8') : '';
  const log = existsSync(join(dir, 'apply.log')) ? readFileSync(join(dir, 'apply.log'), 'utf8') : undefined;
  return { name, exitCode: exitText === '' ? undefined : Number(exitText), audit, log };
}

/** Shard apply results: `exit-code`, `audit.jsonl`, `apply.log` per sub-directory (or directly in `dir`). */
export function readApplyResults(dir: string): ApplyShardResult[] {
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, 'exit-code')) || existsSync(join(dir, 'audit.jsonl'))) return [readApplyShard(dir, '.')];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => readApplyShard(join(dir, name), name));
}
