import { describe, expect, it } from 'vitest';
import { SecretValue } from '../kinds/secret';
import type { Change, DomainPlan } from './compute-plan';
import { buildPlanDocument, type DomainInputs } from './plan-document';
import { MARKDOWN_LIMIT, renderJson, renderMarkdown, renderText } from './render';

const DOMAIN = 'acme.example.com';
const PIN_NEW = '739182';
const PIN_OLD = '602914';

function change(c: Partial<Change> & Pick<Change, 'action' | 'key'>): Change {
  const kind = c.kind ?? 'user';
  return {
    id: `${kind}:${c.key}`,
    domain: DOMAIN,
    kind,
    label: c.key,
    class: 'routing',
    fields: [],
    impact: [],
    references: [],
    losses: [],
    dependsOn: [],
    ...c,
  };
}

function doc(domains: DomainPlan[], objects: Record<string, string> = {}) {
  const inputs: Record<string, DomainInputs> = Object.fromEntries(
    domains.map((d) => [d.domain, { files_digest: 'f'.repeat(64), live_digest: 'a'.repeat(64), objects }]),
  );
  return buildPlanDocument(domains, inputs);
}

/** An update of 1001 that touches every sort of personal data, and a PIN. */
function piiUpdate(): Change {
  return change({
    action: 'update',
    key: '1001',
    label: '1001 (Ada King)',
    class: 'cosmetic',
    fields: [
      { path: 'caller_id_number', before: '12125550101', after: '12125550109', class: 'routing', pii: true },
      {
        path: 'email',
        before: 'ada@acme.example.com',
        after: 'ada.king@acme.example.com',
        class: 'cosmetic',
        pii: true,
      },
      { path: 'last_name', before: 'Lovelace', after: 'King', class: 'cosmetic', pii: true },
      { path: 'block', before: [], after: ['18005550199'], class: 'routing', pii: true },
      {
        path: 'voicemail.pin',
        before: new SecretValue(PIN_OLD, 'platform'),
        after: new SecretValue(PIN_NEW, 'env X'),
        class: 'cosmetic',
        sensitive: true,
      },
    ],
    before: {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@acme.example.com',
      caller_id_number: '12125550101',
      phone_numbers: ['12125550101'],
      voicemail: { pin: new SecretValue(PIN_OLD, 'platform') },
    },
    after: {
      first_name: 'Ada',
      last_name: 'King',
      email: 'ada.king@acme.example.com',
      caller_id_number: '12125550109',
      voicemail: { pin: new SecretValue(PIN_NEW, 'env X') },
    },
  });
}

/** A plan full of personal data: names, e-mails, caller ID, block lists, a DID, a shared contact. */
function piiPlan() {
  const changes: Change[] = [
    piiUpdate(),
    change({
      action: 'create',
      kind: 'shared_contact',
      key: 'bob builder @ buildco',
      label: 'Bob Builder @ BuildCo',
      fields: [
        { path: 'first_name', after: 'Bob', class: 'cosmetic', pii: true },
        { path: 'last_name', after: 'Builder', class: 'cosmetic', pii: true },
        { path: 'phones', after: { cell: '12125550177' }, class: 'cosmetic' },
      ],
      after: { first_name: 'Bob', last_name: 'Builder', company: 'BuildCo', phones: { cell: '12125550177' } },
    }),
    change({
      action: 'delete',
      key: '1002',
      label: '1002 (Alan Turing)',
      class: 'data-destroying',
      before: {
        first_name: 'Alan',
        last_name: 'Turing',
        email: 'alan@acme.example.com',
        phone_numbers: ['12125550102'],
      },
      references: [{ from: 'ring_group 2000', relation: 'member', extension: '1002' }],
      losses: [
        { what: 'voicemail messages', count: 3 },
        { what: 'phone numbers routed here (returned to inventory)', count: 1, detail: ['12125550102'] },
      ],
      dependsOn: ['shared_contact:bob builder @ buildco'],
    }),
  ];
  return doc(
    [
      {
        domain: DOMAIN,
        changes,
        unmanaged: [
          { kind: 'user', key: '1099', label: '1099 (Temp Contractor)' },
          { kind: 'shared_contact', key: 'carol client @ clientco', label: 'Carol Client @ ClientCo' },
        ],
        violations: [],
      },
    ],
    {
      'user:1001': '0123456789abcdef',
      'shared_contact:carol client @ clientco': 'fedcba9876543210',
      'shared_contact:bob builder @ buildco': '1111111111111111',
    },
  );
}

const PII = [
  'Ada',
  'Lovelace',
  'King',
  'ada@',
  'ada.king',
  'Alan',
  'Turing',
  'alan@',
  'Bob',
  'Builder',
  'bob builder',
  'Temp',
  'Contractor',
  'Carol',
  'carol',
  '555',
];

describe('render: secrets', () => {
  it('never prints a PIN in text, Markdown or JSON, with or without redaction', () => {
    const plan = piiPlan();
    for (const redactPii of [false, true]) {
      for (const out of [
        renderText(plan, { redactPii }),
        renderMarkdown(plan, { redactPii }),
        renderJson(plan, { redactPii }),
      ]) {
        expect(out).not.toContain(PIN_NEW);
        expect(out).not.toContain(PIN_OLD);
        expect(out).toContain('(sensitive)');
      }
    }
    expect(renderText(plan)).toContain('voicemail.pin: (sensitive) → (sensitive) (changed)');
  });
});

describe('render: --redact-pii', () => {
  it('shows the personal data without the flag (so the test below means something)', () => {
    const text = renderText(piiPlan());
    for (const s of [
      'Lovelace',
      'ada.king',
      '12125550109',
      '12125550177',
      'Bob Builder',
      'Carol Client',
      '12125550102',
    ])
      expect(text).toContain(s);
  });

  for (const format of ['text', 'markdown', 'json'] as const) {
    it(`masks names, e-mails and numbers in ${format}`, () => {
      const plan = piiPlan();
      const out =
        format === 'text'
          ? renderText(plan, { redactPii: true })
          : format === 'markdown'
            ? renderMarkdown(plan, { redactPii: true })
            : renderJson(plan, { redactPii: true });
      for (const s of PII) expect({ leaked: out.includes(s) ? s : undefined }).toEqual({ leaked: undefined });
      // What reviewers need stays: extensions, kinds, counts, classes, what is lost.
      for (const s of ['1001', '1002', 'shared_contact', 'voicemail messages', 'ring_group 2000', '(redacted)'])
        expect(out).toContain(s);
    });
  }

  it('keeps JSON useful: ids stay distinct and digests survive', () => {
    const json = JSON.parse(renderJson(piiPlan(), { redactPii: true }));
    expect(Object.values(json.inputs[DOMAIN].objects).sort()).toEqual([
      '0123456789abcdef',
      '1111111111111111',
      'fedcba9876543210',
    ]);
    expect(json.domains[0].changes.map((c: { id: string }) => c.id)).toEqual([
      'user:1001',
      'shared_contact:(redacted)',
      'user:1002',
    ]);
    expect(json.domains[0].changes[1].after).toEqual({
      first_name: '(redacted)',
      last_name: '(redacted)',
      company: 'BuildCo',
      phones: { cell: '(redacted)' },
    });
    expect(json.checksum).toBe(piiPlan().checksum);
  });
});

describe('render: Markdown', () => {
  it('has the hidden marker and checksum, and a custom marker when asked', () => {
    const plan = piiPlan();
    const md = renderMarkdown(plan);
    expect(md.startsWith('<!-- pbxctl:plan -->\n')).toBe(true);
    expect(md).toContain(`<!-- pbxctl:checksum:${plan.checksum} -->`);
    expect(renderMarkdown(plan, { marker: 'pbxctl:drift' }).startsWith('<!-- pbxctl:drift -->')).toBe(true);
  });

  it('cuts detail to the budget, says how many were not shown and where the full plan is', () => {
    const changes = Array.from({ length: 300 }, (_, i) =>
      change({
        action: 'create',
        key: String(3000 + i),
        fields: [{ path: 'department', after: 'x'.repeat(50), class: 'cosmetic' }],
      }),
    );
    const md = renderMarkdown(doc([{ domain: DOMAIN, changes, unmanaged: [], violations: [] }]), {
      maxMarkdownChars: 8_000,
      fullPlanLocation: 'plan.json',
    });
    expect(md.length).toBeLessThan(8_000);
    const shown = (md.match(/^\+ create user /gm) ?? []).length;
    const notShown = Number(/(\d+) routine changes not shown \(\d+ create\)/.exec(md)?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown + notShown).toBe(300);
    expect(md).toContain('The full plan is in plan.json');
  });

  it('stays under the limit for a fleet of 3,000 domains', () => {
    const domains: DomainPlan[] = Array.from({ length: 3000 }, (_, i) => ({
      domain: `tenant-${String(i).padStart(4, '0')}.example.com`,
      changes: [
        change({
          action: 'update',
          key: '1001',
          fields: [{ path: 'department', before: 'a', after: 'b', class: 'cosmetic' }],
        }),
      ],
      unmanaged: [],
      violations: [],
    }));
    const md = renderMarkdown(doc(domains));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain('<!-- pbxctl:plan -->');
    expect(md).toContain('3000 changes');
    expect(md).toMatch(/not shown/);
    // The table is cut too, but its last row still accounts for every change.
    const more = /^\| … (\d+) more domains \| 0 \| (\d+) \| 0 \| 0 \|$/m.exec(md);
    expect(more).not.toBeNull();
    const rows = (md.match(/^\| tenant-/gm) ?? []).length;
    expect(rows + Number(more![1])).toBe(3000);
    expect(Number(more![2])).toBe(Number(more![1]));
  });

  it('caps a fleet-wide list of violations that cannot fit in one comment, and says so', () => {
    const domains: DomainPlan[] = Array.from({ length: 3000 }, (_, i) => ({
      domain: `tenant-${String(i).padStart(4, '0')}.example.com`,
      changes: [change({ action: 'delete', key: '1001', class: 'data-destroying' })],
      unmanaged: [],
      violations: [
        {
          domain: `tenant-${i}`,
          rule: 'data_destroying',
          flag: '--allow-deletes',
          message: `tenant-${i}: 1 delete would destroy data; re-run with --allow-deletes to proceed`,
        },
      ],
    }));
    const md = renderMarkdown(doc(domains));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toMatch(/^> - … and \d+ more$/m);
    expect(md).toContain('**blocked**');
    // 3,000 deletes cannot all be shown: whole entries are counted, loudly, never cut mid-line.
    expect(md).toMatch(/^> \*\*\d+ more data-destroying changes do not fit in one comment\.\*\*/m);
  });

  it('keeps values from breaking out of the diff block or the table', () => {
    const c = change({
      action: 'update',
      key: '1001',
      label: '1001 (a | b)',
      fields: [{ path: 'department', before: '```', after: 'x | <b>', class: 'cosmetic' }],
    });
    const md = renderMarkdown(
      doc([
        {
          domain: DOMAIN,
          changes: [c],
          unmanaged: [],
          violations: [{ domain: DOMAIN, rule: 'protect', message: 'a | <script>' }],
        },
      ]),
    );
    const fences = md.split('\n').filter((l) => l.startsWith('```'));
    expect(fences).toEqual(['```diff', '```']);
    expect(md).toContain('> - a \\| \\<script\\>');
    expect(md).toMatch(/^\| Domain \| Create \| Update \| Delete \| Recycle \|$/m);
  });
});

describe('render: text', () => {
  it('says there is nothing to do for an empty plan', () => {
    const text = renderText(doc([{ domain: DOMAIN, changes: [], unmanaged: [], violations: [] }]));
    expect(text).toBe(`Domain ${DOMAIN}\n  (no changes)\n\nNo changes. The platform matches the desired state.\n`);
  });

  it('uses ANSI colours only when asked', () => {
    const plan = piiPlan();
    expect(renderText(plan)).not.toContain('\x1b[');
    expect(renderText(plan, { color: true })).toContain('\x1b[32m  + create shared_contact');
  });

  it('puts blocking violations first', () => {
    const d: DomainPlan = {
      domain: DOMAIN,
      changes: [change({ action: 'delete', key: '1000', class: 'data-destroying' })],
      unmanaged: [],
      violations: [{ domain: DOMAIN, rule: 'protect', message: 'user 1000 is protected' }],
    };
    const text = renderText(doc([d]));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'BLOCKED by safety policy — nothing will be applied:',
      '  user 1000 is protected',
    ]);
  });
});

describe('render: JSON', () => {
  it('is versioned and round-trips the summary', () => {
    const json = JSON.parse(renderJson(piiPlan()));
    expect(json.format_version).toBe('1');
    expect(json.summary).toMatchObject({ changes: 3, create: 1, update: 1, delete: 1, unmanaged: 2 });
  });
});
