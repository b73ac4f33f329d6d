// The emulated subset of NetSapiens API v2: the route table and the matcher. Handlers live in the
// routes-*.ts files; start-emulator.ts does transport, auth, faults, contract checks and persistence.

import type { Handler } from './route-helpers';
import * as addresses from './routes-addresses';
import * as rules from './routes-answerrules';
import * as attendants from './routes-autoattendants';
import * as queues from './routes-callqueues';
import * as contacts from './routes-contacts';
import * as devices from './routes-devices';
import * as numbers from './routes-numbers';
import * as sites from './routes-sites';
import * as timeframes from './routes-timeframes';
import { userTimeframeRoutes as userTf } from './routes-user-timeframes';
import * as users from './routes-users';

export { ApiError, type ApiResponse, type RouteContext, resolveDomainName } from './route-helpers';

export interface Route {
  readonly method: string;
  /** Template under /ns-api/v2, with `{param}` segments (the OpenAPI spelling). */
  readonly template: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

const D = '/domains/{domain}';
const U = `${D}/users/{user}`;

const Q = `${D}/callqueues/{callqueue}`;
const CALL_CENTER: ReadonlyArray<[string, string, Handler]> = [
  ['GET', `${D}/callqueues`, queues.listQueues],
  ['POST', `${D}/callqueues`, queues.postQueue],
  ['GET', Q, queues.getQueue],
  ['PUT', Q, queues.putQueue],
  ['DELETE', Q, queues.deleteQueue],
  ['GET', `${Q}/agents`, queues.listAgents],
  ['POST', `${Q}/agents`, queues.postAgent],
  ['GET', `${Q}/agents/{callqueue-agent-id}`, queues.getAgent],
  ['PUT', `${Q}/agents/{callqueue-agent-id}`, queues.putAgent],
  ['DELETE', `${Q}/agents/{callqueue-agent-id}`, queues.deleteAgent],
  ['GET', `${D}/autoattendants`, attendants.listAttendants],
  ['POST', `${D}/autoattendants`, attendants.postAttendant],
  ['GET', `${U}/autoattendants/{prompt}`, attendants.getAttendant],
  ['PUT', `${U}/autoattendants/{prompt}`, attendants.putAttendant],
  ['DELETE', `${U}/autoattendants/{prompt}`, attendants.deleteAttendant],
];

const TABLE: ReadonlyArray<[string, string, Handler]> = [
  ['GET', '/version', users.getVersion],
  ['POST', '/domains', users.postDomain],
  ['GET', D, users.getDomain],
  ['PUT', D, users.putDomain],
  ['GET', `${D}/users`, users.listUsers],
  ['POST', `${D}/users`, users.postUser],
  ['GET', `${D}/users/count`, users.countUsers],
  ['GET', U, users.getUser],
  ['PUT', U, users.putUser],
  ['DELETE', U, users.deleteUser],
  ['POST', `${U}/email`, users.sendEmail],
  ['GET', `${U}/devices`, devices.listUserDevices],
  ['POST', `${U}/devices`, devices.postDevice],
  ['GET', `${U}/devices/count`, devices.countUserDevices],
  ['GET', `${U}/devices/{device}`, devices.getDevice],
  ['PUT', `${U}/devices/{device}`, devices.putDevice],
  ['DELETE', `${U}/devices/{device}`, devices.deleteDevice],
  ['GET', `${D}/devices`, devices.listDomainDevices],
  ['GET', `${D}/devices/count`, devices.countDomainDevices],
  ['GET', `${D}/phones`, devices.listPhones],
  ['POST', `${D}/phones`, devices.postPhone],
  ['PUT', `${D}/phones`, devices.putPhone],
  ['DELETE', `${D}/phones`, devices.deletePhone],
  ['GET', `${D}/phones/{mac}`, devices.getPhone],
  ['GET', `${U}/answerrules`, rules.listRules],
  ['POST', `${U}/answerrules`, rules.postRule],
  ['GET', `${U}/answerrules/count`, rules.countRules],
  ['PUT', `${U}/answerrules/reorder`, rules.reorderRules],
  ['GET', `${U}/answerrules/{timeframe}`, rules.getRule],
  ['PUT', `${U}/answerrules/{timeframe}`, rules.putRule],
  ['DELETE', `${U}/answerrules/{timeframe}`, rules.deleteRule],
  ['GET', `${D}/contacts`, contacts.listContacts],
  ['POST', `${D}/contacts`, contacts.postContact],
  ['GET', `${D}/contacts/count`, contacts.countContacts],
  ['GET', `${D}/contacts/{contact_id}`, contacts.getSharedContact],
  ['PUT', `${D}/contacts/{contact_id}`, contacts.putContact],
  ['DELETE', `${D}/contacts/{contact_id}`, contacts.deleteContact],
  ['GET', `${U}/contacts`, contacts.listContacts],
  ['POST', `${U}/contacts`, contacts.postContact],
  ['GET', `${U}/contacts/count`, contacts.countContacts],
  ['GET', `${U}/contacts/{contact_id}`, contacts.getUserContact],
  ['PUT', `${U}/contacts/{contact_id}`, contacts.putContact],
  ['DELETE', `${U}/contacts/{contact_id}`, contacts.deleteContact],
  ['GET', `${D}/number-filters`, contacts.getNumberFilters],
  ['POST', `${D}/number-filters`, contacts.postNumberFilters],
  ['DELETE', `${D}/number-filters`, contacts.deleteNumberFilters],
  ['GET', `${D}/phonenumbers`, numbers.listNumbers],
  ['POST', `${D}/phonenumbers`, numbers.postNumber],
  ['GET', `${D}/phonenumbers/count`, numbers.countNumbers],
  ['GET', `${D}/phonenumbers/{phonenumber}`, numbers.getNumber],
  ['PUT', `${D}/phonenumbers/{phonenumber}`, numbers.putNumber],
  ['DELETE', `${D}/phonenumbers/{phonenumber}`, numbers.deleteNumber],
  ['GET', `${D}/timeframes`, timeframes.listTimeframes],
  ['POST', `${D}/timeframes`, timeframes.postTimeframe],
  ['GET', `${D}/timeframes/{id}`, timeframes.getTimeframe],
  ['PUT', `${D}/timeframes/{id}`, timeframes.putTimeframe],
  ['DELETE', `${D}/timeframes/{id}`, timeframes.deleteTimeframe],
  ['GET', `${D}/users/{user}/timeframes`, userTf.list],
  ['POST', `${D}/users/{user}/timeframes`, userTf.post],
  ['GET', `${D}/users/{user}/timeframes/{id}`, userTf.get],
  ['PUT', `${D}/users/{user}/timeframes/{id}`, userTf.put],
  ['DELETE', `${D}/users/{user}/timeframes/{id}`, userTf.delete],
  ...CALL_CENTER,
  ['GET', `${D}/sites`, sites.listSites],
  ['POST', `${D}/sites`, sites.postSite],
  ['GET', `${D}/sites/count`, sites.countSites],
  ['GET', `${D}/sites/{site}`, sites.getSite],
  ['PUT', `${D}/sites/{site}`, sites.putSite],
  ['GET', `${D}/addresses`, addresses.listAddresses],
  ['POST', `${D}/addresses`, addresses.postAddress],
  ['GET', `${D}/addresses/count`, addresses.countAddresses],
  ['POST', `${D}/addresses/validate`, addresses.validateAddress],
  ['PUT', `${D}/addresses/{emergency-address-id}`, addresses.putAddress],
  ['DELETE', `${D}/addresses/{emergency-address-id}`, addresses.deleteAddress],
  ['GET', `${U}/voicemails/{folder}`, numbers.listVoicemails],
  ['GET', `${U}/voicemails/{folder}/count`, numbers.countVoicemails],
  ['GET', `${U}/greetings`, numbers.listGreetings],
  ['GET', `${U}/greetings/count`, numbers.countGreetings],
];

export const API_ROUTES: readonly Route[] = TABLE.map(([method, template, handler]) => ({
  method,
  template,
  segments: template.split('/').slice(1),
  handler,
}));

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** The routes by method and segment count: a request is compared with a handful, not the whole table. */
const BY_SHAPE = new Map<string, Route[]>();
for (const route of API_ROUTES) {
  const key = `${route.method} ${route.segments.length}`;
  const list = BY_SHAPE.get(key);
  if (list) list.push(route);
  else BY_SHAPE.set(key, [route]);
}

/**
 * Find the route for a method and decoded path segments. Literal segments beat parameters, so
 * `/users/count` and `/answerrules/reorder` are never taken for an id.
 */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch | undefined {
  let best: Route | undefined;
  let bestScore = -1;
  for (const route of BY_SHAPE.get(`${method} ${segments.length}`) ?? []) {
    let score = 0;
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const t = route.segments[i];
      if (t.startsWith('{')) continue;
      if (t === segments[i]) score += 2 ** (segments.length - i);
      else {
        ok = false;
        break;
      }
    }
    if (ok && score > bestScore) {
      best = route;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  best.segments.forEach((t, i) => {
    if (t.startsWith('{')) params[t.slice(1, -1)] = segments[i];
  });
  return { route: best, params };
}
