/**
 * Stable fakes for `pbxctl doctor --record` (issue 12): every personal or secret value read from a server is
 * replaced by a fake that is the SAME wherever the same value occurs in the record, so references stay
 * consistent (a DID routed to a user, a user's caller ID that is one of the domain's numbers, a MAC bound to a
 * device). Fakes are visibly synthetic (`First3`, `person3@example.com`, `1999555 0003`, `02000000000 3`), so
 * none can be mistaken for — or collide with — a real name, address or number. Extensions (fewer than 7
 * digits) are structural and kept.
 */

type Category = 'first' | 'last' | 'company' | 'text' | 'email' | 'phone' | 'pin' | 'secret' | 'mac' | 'id';

/** A digit run this long is a phone number; shorter ones are extensions, delays, orders. */
const PHONE_DIGITS = 7;

export class Faker {
  private readonly maps = new Map<Category, Map<string, string>>();
  /** Original name tokens (first/last/company) → fake, for free text that repeats them (`name-full-name`). */
  private readonly words = new Map<string, string>();

  private next(category: Category, original: string, make: (n: number) => string): string {
    let map = this.maps.get(category);
    if (!map) {
      map = new Map();
      this.maps.set(category, map);
    }
    const known = map.get(original);
    if (known !== undefined) return known;
    const fake = make(map.size + 1);
    map.set(original, fake);
    return fake;
  }

  private named(category: 'first' | 'last' | 'company' | 'text', label: string, value: unknown): string {
    const v = str(value).trim();
    if (v === '') return str(value);
    const fake = this.next(category, v, (n) => `${label}${n}`);
    if (v.length >= 3) this.words.set(v, fake);
    return fake;
  }

  firstName(v: unknown): string {
    return this.named('first', 'First', v);
  }
  lastName(v: unknown): string {
    return this.named('last', 'Last', v);
  }
  company(v: unknown): string {
    return this.named('company', 'Company', v);
  }
  /** Free text that may name a person (caller-ID name, descriptions): one fake per distinct text. */
  text(v: unknown, label = 'Text'): string {
    return this.named('text', label, v);
  }

  /** One address or a `;`/`,`-separated list of them. */
  email(v: unknown): string {
    const value = str(v);
    if (value.trim() === '') return value;
    return value
      .split(/([;,]\s*)/)
      .map((part, i) =>
        i % 2 === 1 || part.trim() === ''
          ? part
          : this.next('email', part.trim().toLowerCase(), (n) => `person${n}@example.com`),
      )
      .join('');
  }

  /** A phone number: same length and leading `+`/`1`, digits `999555…` then a counter. */
  phone(v: unknown): string {
    const value = str(v);
    const m = /^(\+?)(\d+)$/.exec(value.trim());
    if (!m || (m[2] ?? '').length < PHONE_DIGITS) return value;
    const [, plus = '', digits = ''] = m;
    return this.next('phone', digits, (n) => {
      const lead = digits.length >= 11 && digits.startsWith('1') ? '1' : '';
      const room = digits.length - lead.length;
      const counter = String(n).padStart(Math.max(4, room - 6), '0');
      return `${lead}${`999555${counter}`.slice(-room).padStart(room, '9')}`;
    }).replace(/^/, plus);
  }

  /** Every run of 7+ digits inside a string (`sip:12125550100@…`, `12125550100;delay=5`) as a phone fake. */
  digitRuns(v: unknown): string {
    return str(v).replace(/\d{7,}/g, (run) => this.phone(run));
  }

  /** A PIN: same length, digits only, never the original. */
  pin(v: unknown): string {
    const value = str(v);
    if (value === '') return value;
    return this.next('pin', value, (n) =>
      String(n).padStart(Math.max(4, value.length), '9').slice(-Math.max(4, value.length)),
    );
  }

  /** A password or SIP password: same length (at least 8), letters and a counter. */
  secret(v: unknown): string {
    const value = str(v);
    if (value === '') return value;
    return this.next('secret', value, (n) => `Fake${String(n).padStart(Math.max(8, value.length) - 4, '0')}`);
  }

  /** A MAC: 12 hex digits, locally administered (`02…`), separators as the original had none. */
  mac(v: unknown): string {
    const value = str(v)
      .toLowerCase()
      .replace(/[^0-9a-f]/g, '');
    if (value === '') return str(v);
    return this.next('mac', value, (n) => `02${n.toString(16).padStart(10, '0')}`);
  }

  /** A server-generated id (contact `unique-id`, `timeframe-id`): 32 hex characters from a counter. */
  id(v: unknown): string {
    const value = str(v);
    if (value === '') return value;
    return this.next('id', value, (n) => `fa4e${n.toString(16).padStart(28, '0')}`);
  }

  /** Free text: every name read so far (whole words) replaced by its fake, then every phone-length digit run. */
  scrubText(v: unknown): string {
    let out = str(v);
    for (const [word, fake] of [...this.words].sort((a, b) => b[0].length - a[0].length)) {
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), fake);
    }
    return this.digitRuns(out);
  }
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
