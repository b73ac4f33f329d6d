import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reading `pbxctl apply --audit-log` files (JSON lines) and the per-shard apply results of a matrix.
 * The audit record shape belongs to apply/; this reader only looks for the fields it needs and tolerates
 * both one record per operation and one record per run with an `operations` array.
 */

export interface AuditOperation {
  readonly kind?: string;
  readonly key?: string;
  readonly action?: string;
  readonly result: string;
  readonly error?: string;
  readonly domain?: string;
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'message' in value)
    return asString((value as { message: unknown }).message);
  return undefined;
}

function toOperation(record: Record<string, unknown>, domain?: string): AuditOperation {
  return {
    kind: asString(record.kind),
    key: asString(record.key),
    action: asString(record.action ?? record.op ?? record.type),
    result: asString(record.result ?? record.status ?? record.outcome) ?? (record.error ? 'failed' : 'unknown'),
    error: asString(record.error),
    domain: asString(record.domain) ?? domain,
  };
}

export function parseAuditLog(text: string): AuditOperation[] {
  const operations: AuditOperation[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (!record || typeof record !== 'object') continue;
    const object = record as Record<string, unknown>;
    if (Array.isArray(object.operations)) {
      for (const op of object.operations) {
        if (op && typeof op === 'object')
          operations.push(toOperation(op as Record<string, unknown>, asString(object.domain)));
      }
    } else if (object.kind !== undefined || object.key !== undefined || object.result !== undefined) {
      operations.push(toOperation(object));
    }
  }
  return operations;
}

export const isFailed = (op: AuditOperation) => /fail|error/i.test(op.result);
export const isSkipped = (op: AuditOperation) => /skip/i.test(op.result);

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
