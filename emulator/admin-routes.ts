// The test-only admin routes under /__emulator/ (no auth, never under /ns-api).

import type http from 'node:http';
import type { FaultController, FaultRule } from './fault-controller';
import type { RequestLog } from './request-log';
import { type StateStore, stateFromSeed } from './state-store';
import type { EmulatorSeed } from './types';

export interface ContractViolation {
  readonly method: string;
  readonly path: string;
  readonly errors: string;
}

export interface AdminTargets {
  readonly store: StateStore;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  readonly contractViolations: ContractViolation[];
}

export type Send = (res: http.ServerResponse, status: number, body: unknown) => void;

function parseFaultRule(body: unknown): FaultRule {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('fault rule must be a JSON object');
  const rule = body as FaultRule;
  if (typeof rule.path !== 'string')
    throw new Error('fault rule needs a string "path" (glob, or regex starting with ^)');
  return rule;
}

function route(t: AdminTargets, method: string, path: string, body: unknown): [number, unknown] {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /__emulator/state':
      return [200, t.store.state];
    case 'PUT /__emulator/state':
      t.store.state = stateFromSeed((body ?? {}) as EmulatorSeed);
      t.store.persist();
      return [200, t.store.state];
    case 'GET /__emulator/faults':
      return [200, t.faults.list()];
    case 'POST /__emulator/faults': {
      const rules = Array.isArray(body) ? body : [body];
      const ids = rules.map((r) => t.faults.add(parseFaultRule(r)));
      return [201, Array.isArray(body) ? { ids } : { id: ids[0] }];
    }
    case 'DELETE /__emulator/faults':
      t.faults.clear();
      return [200, { code: 200, message: 'Faults cleared' }];
    case 'GET /__emulator/requests':
      return [200, t.requests.list()];
    case 'DELETE /__emulator/requests':
      t.requests.reset();
      return [200, { code: 200, message: 'Request log cleared' }];
    case 'GET /__emulator/contract-violations':
      return [200, t.contractViolations];
  }
  const one = /^\/__emulator\/faults\/([^/]+)$/.exec(path);
  if (one && method === 'DELETE') {
    return t.faults.remove(decodeURIComponent(one[1]))
      ? [200, { code: 200, message: 'Fault removed' }]
      : [404, { code: 404, message: `Fault ${one[1]} does not exist` }];
  }
  return [404, { code: 404, message: 'No Route Found [92]' }];
}

export function handleAdmin(
  t: AdminTargets,
  send: Send,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  raw: string,
): void {
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    send(res, 400, { code: 400, message: 'Invalid JSON body' });
    return;
  }
  try {
    const [status, out] = route(t, req.method ?? 'GET', path, body);
    send(res, status, out);
  } catch (e) {
    send(res, 400, { code: 400, message: (e as Error).message });
  }
}
