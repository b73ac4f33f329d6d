import { describe, expect, it } from 'vitest';
import type { Change, DomainPlan } from './compute-plan';
import { buildPlanDocument, type DomainInputs } from './plan-document';
import { renderMarkdown, renderText } from './render';

const DOMAIN = 'acme.example.com';
const FAKE = 'x\nacme.yaml:1:1: all good\x1b[2K\u202e';

function plan() {
  const change: Change = {
    id: 'user:1001',
    domain: DOMAIN,
    kind: 'user',
    key: '1001',
    label: `1001 (${FAKE})`,
    class: 'cosmetic',
    action: 'update',
    fields: [
      { path: 'department', before: FAKE, after: 'Sales', class: 'cosmetic' },
      { path: 'block', before: [], after: [FAKE], class: 'routing' },
    ],
    impact: [`rings ${FAKE}`],
    references: [],
    losses: [{ what: 'voicemail messages', count: 1, detail: [FAKE] }],
    dependsOn: [],
  };
  const domain: DomainPlan = {
    domain: DOMAIN,
    changes: [change],
    unmanaged: [{ kind: 'user', key: '1099', label: `1099 (${FAKE})`, reason: FAKE }],
    notPlanned: [{ kind: 'user', key: '1098', action: 'update', reason: FAKE } as never],
    violations: [],
  };
  const inputs: Record<string, DomainInputs> = {
    [DOMAIN]: { files_digest: 'f'.repeat(64), live_digest: 'a'.repeat(64), objects: {} },
  };
  return buildPlanDocument([domain], inputs);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;

describe('platform and file values cannot fake output lines', () => {
  it('text: every control character escaped, no line starts with the fake location', () => {
    const text = renderText(plan());
    expect(text).not.toMatch(RAW);
    expect(text.split('\n').some((l) => l.startsWith('acme.yaml:1:1'))).toBe(false);
    expect(text).toContain('x\\nacme.yaml:1:1: all good\\x1b[2K\\u202e');
  });

  it('text with colours: only our own colour codes are raw', () => {
    const text = renderText(plan(), { color: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing our own colour codes
    const withoutOurs = text.replace(/\x1b\[(?:[0-9;]*)m/g, '');
    expect(withoutOurs).not.toMatch(RAW);
    expect(text).not.toContain('\x1b[2K');
  });

  it('Markdown: escaped too', () => {
    const md = renderMarkdown(plan());
    expect(md).not.toMatch(RAW);
    expect(md.split('\n').some((l) => l.startsWith('acme.yaml:1:1'))).toBe(false);
  });
});
