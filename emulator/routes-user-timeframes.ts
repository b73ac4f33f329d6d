// Per-user time frames: /domains/{domain}/users/{user}/timeframes (OAS45 "Timeframes/User"). The same
// RecurringTimeframe records and PUT/DELETE semantics as the domain (shared) ones (routes-timeframes.ts),
// kept per user; the user must exist. A user's answer rules may name them (the user's own first).

import { findUser } from './route-helpers';
import { timeframeHandlers } from './routes-timeframes';
import type { DomainState, JsonRecord } from './types';

/** A user's own time frames (created on first use). */
export function userTimeframes(d: DomainState, user: string): JsonRecord[] {
  d.user_timeframes ??= {};
  d.user_timeframes[user] ??= [];
  return d.user_timeframes[user];
}

export const userTimeframeRoutes = timeframeHandlers((d, ctx) => {
  findUser(d, ctx.params.user);
  return userTimeframes(d, String(ctx.params.user));
});
