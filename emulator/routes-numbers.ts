// Phone numbers (DIDs) and the read side of voicemail and greetings.

import { defaultPhonenumber } from './record-defaults';
import {
  ACCEPTED,
  type ApiResponse,
  type RouteContext,
  bodyObject,
  checkYesNo,
  count,
  fail,
  findUser,
  readDomain,
  writeDomain,
} from './route-helpers';
import { naturalCompare } from './natural-order';
import type { DomainState, JsonRecord } from './types';

/** The spec's voicemail folders ("Options include new, save, and trash"). */
export const VOICEMAIL_FOLDERS = ['new', 'save', 'trash'] as const;

function findNumber(d: DomainState, number: string): JsonRecord {
  return (
    d.phonenumbers.find((p) => p.phonenumber === number) ??
    fail(404, `Phone number ${number} does not exist in domain ${d.domain.domain}`)
  );
}

export function listNumbers(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  // No start/limit declared for this list: it is returned whole.
  const numbers = d.phonenumbers.slice().sort((a, b) => naturalCompare(String(a.phonenumber), String(b.phonenumber)));
  return { status: 200, body: numbers };
}

export function countNumbers(ctx: RouteContext): ApiResponse {
  return count(readDomain(ctx).phonenumbers.length);
}

export function getNumber(ctx: RouteContext): ApiResponse {
  return { status: 200, body: findNumber(readDomain(ctx), ctx.params.phonenumber) };
}

export function postNumber(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const number = body.phonenumber === undefined ? '' : String(body.phonenumber);
  if (!/^\+?\d{3,15}$/.test(number)) fail(400, `Invalid phonenumber ${number}`);
  const stored = number.replace(/^\+/, '');
  for (const other of Object.values(ctx.store.state.domains)) {
    if (other.phonenumbers.some((p) => p.phonenumber === stored)) fail(409, 'Phone number already exists');
  }
  const record = defaultPhonenumber(String(d.domain.domain), { ...body, phonenumber: stored });
  checkYesNo(record, ['enabled']);
  d.phonenumbers.push(record);
  // No `synchronous` on phone numbers (controller notes): always 202.
  return ACCEPTED;
}

export function putNumber(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findNumber(d, ctx.params.phonenumber);
  const next = { ...record };
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (key === 'phonenumber' || key === 'domain' || key === 'synchronous') continue;
    next[key] = value;
  }
  checkYesNo(next, ['enabled']);
  Object.assign(record, next);
  return ACCEPTED;
}

export function deleteNumber(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findNumber(d, ctx.params.phonenumber);
  d.phonenumbers = d.phonenumbers.filter((p) => p !== record);
  return ACCEPTED;
}

function voicemailFolder(ctx: RouteContext): JsonRecord[] {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  const folder = ctx.params.folder;
  if (!(VOICEMAIL_FOLDERS as readonly string[]).includes(folder)) {
    fail(404, `Voicemail folder ${folder} does not exist: the folders are ${VOICEMAIL_FOLDERS.join(', ')}`);
  }
  return d.voicemails[ctx.params.user]?.[folder] ?? [];
}

function greetingList(ctx: RouteContext): JsonRecord[] {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return d.greetings[ctx.params.user] ?? [];
}

function sizeOf(files: JsonRecord[]): number {
  return files.reduce((sum, f) => sum + Math.round(Number.parseFloat(String(f['file-size-kilobytes'] ?? 0)) * 1024), 0);
}

/**
 * Audio counts: the spec declares an empty object schema with the example `{count, size}` for these
 * two (not the `{total}` of other counts); `total` is kept as well (assumption), see README.
 */
function audioCount(files: JsonRecord[]): ApiResponse {
  return { status: 200, body: { total: files.length, count: files.length, size: sizeOf(files) } };
}

export const listVoicemails = (ctx: RouteContext): ApiResponse => ({ status: 200, body: voicemailFolder(ctx) });
export const countVoicemails = (ctx: RouteContext): ApiResponse => audioCount(voicemailFolder(ctx));
export const listGreetings = (ctx: RouteContext): ApiResponse => ({ status: 200, body: greetingList(ctx) });
export const countGreetings = (ctx: RouteContext): ApiResponse => audioCount(greetingList(ctx));
