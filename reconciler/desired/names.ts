/**
 * Names that become URL segments of platform requests (`/domains/{domain}/users/{extension}`), checked
 * where they are written — the file (with file:line) and the command line — before any request. The HTTP
 * client refuses unsafe segments too; this says it first, and says where.
 */
import { escapeControl } from '../util/escape';

export interface NameProblem {
  readonly message: string;
  readonly hint?: string;
}

const DOMAIN_CHARS = /^[A-Za-z0-9._-]{1,64}$/;

/** Why a domain name cannot be used, or undefined. */
export function checkDomainName(domain: string): NameProblem | undefined {
  const hint = 'a domain is letters, digits, `-`, `_` and dots between labels, e.g. acme.example.com';
  if (!DOMAIN_CHARS.test(domain))
    return { message: `domain "${escapeControl(domain.slice(0, 80))}" is not a domain name`, hint };
  if (domain.startsWith('.') || domain.endsWith('.') || domain.includes('..'))
    return { message: `domain "${domain}" has an empty label (leading, trailing or double dot)`, hint };
  return undefined;
}

/** Why an extension (a user id in URLs) cannot be used, or undefined. */
export function checkExtensionName(ext: string): NameProblem | undefined {
  if (!/^[0-9]{2,16}$/.test(ext))
    return {
      message: `extension "${escapeControl(ext.slice(0, 40))}" is not an extension`,
      hint: 'an extension is 2 to 16 digits, e.g. 1001',
    };
  return undefined;
}
