import { describe, expect, it } from 'vitest';
import type { Change } from './compute-plan';
import { buildPlanDocument } from './plan-document';
import { renderMarkdown, renderText } from './render';

function blockListChange(before: string[], after: string[]): Change {
  return {
    id: 'block_list:big.example.com',
    action: 'update',
    domain: 'big.example.com',
    kind: 'block_list',
    key: 'big.example.com',
    label: 'big.example.com',
    class: 'routing',
    fields: [{ path: 'numbers', before, after, class: 'routing', pii: true }],
    before: { numbers: before },
    after: { numbers: after },
    impact: [],
    references: [],
    losses: [],
    dependsOn: [],
  };
}

describe('large lists are diffed as sets with summaries', () => {
  const before = ['19005550000', '19005550001'];
  const after = ['19005550001', ...Array.from({ length: 1200 }, (_, i) => `1800555${String(i).padStart(4, '0')}`)];
  const doc = buildPlanDocument(
    [{ domain: 'big.example.com', changes: [blockListChange(before, after)], unmanaged: [], violations: [] }],
    { 'big.example.com': { files_digest: 'f', live_digest: 'l', objects: {} } },
  );

  it('text names ten entries and counts the rest', () => {
    const text = renderText(doc);
    expect(text).toMatch(/numbers: \+1200 −1 \(1201 in all\): \+18005550000, .*… and 1,191 more/);
    expect(text).not.toContain('18005551199');
    expect(text.length).toBeLessThan(2_000);
  });

  it('redacted: counts only', () => {
    const text = renderText(doc, { redactPii: true });
    expect(text).toMatch(/numbers: \+1200 −1 \(1201 in all\)\n/);
    expect(text).not.toMatch(/1800555/);
    expect(renderMarkdown(doc, { redactPii: true })).not.toMatch(/1800555|19005550000/);
  });
});
