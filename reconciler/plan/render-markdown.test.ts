import { describe, expect, it } from 'vitest';
import { largePlan } from '../../test/test-support/large-plan';
import { MARKDOWN_LIMIT, ROUTINE_MARKER, renderMarkdown, renderText } from './render';

/** The part of the comment outside every <details> block (what GitHub shows without a click). */
function visiblePart(md: string): string {
  return md.replace(/<details>[\s\S]*?<\/details>/g, '');
}

describe('render: Markdown for a PR comment, large plans', () => {
  it('shows the one delete of a 2,000-change plan in full, first, under 65,000 characters', () => {
    const plan = largePlan({ routine: 1_999, deletes: 1 });
    expect(plan.summary.changes).toBe(2_000);
    const md = renderMarkdown(plan);
    expect(md.length).toBeLessThan(65_000);
    const visible = visiblePart(md);
    // The delete, its loss line uncut (every DID of the list) and its impact, before the routine part.
    expect(visible).toContain('🗑 **DELETE** user 1100 (Alan Turing) · tenant-000.customers.example.com');
    const lose = /^ {2}- \*\*would lose:\*\* (.*)$/m.exec(visible)?.[1] ?? '';
    expect(lose).toContain('41 voicemail messages (17 unheard); 3 voicemail greetings; 212 personal contacts');
    for (let i = 0; i < 12; i++) expect(lose).toContain(`1212555${String(1000 + i).padStart(4, '0')}`);
    expect(md.indexOf('DELETE')).toBeLessThan(md.indexOf(ROUTINE_MARKER));
    // Routine changes are cut, and the note counts what was left out, by action.
    const note = /^> (\d+) routine changes not shown \((\d+) (update|create), (\d+) (update|create)\)/m.exec(md);
    expect(note).not.toBeNull();
    const shown = (md.match(/^[+!] (create|update) /gm) ?? []).length;
    expect(shown + Number(note?.[1])).toBe(1_999);
    expect(Number(note?.[2]) + Number(note?.[4])).toBe(Number(note?.[1]));
  });

  it('never gives up a destructive change for routine ones, whatever the budget', () => {
    const plan = largePlan({ routine: 3_000, deletes: 4, recycles: 3, blocked: true });
    const md = renderMarkdown(plan, { maxMarkdownChars: 20_000 });
    expect(md.length).toBeLessThan(20_000);
    const visible = visiblePart(md);
    expect((visible.match(/^- 🗑 \*\*DELETE\*\* /gm) ?? []).length).toBe(4);
    expect((visible.match(/^- ♻️ \*\*RECYCLE\*\* /gm) ?? []).length).toBe(3);
    expect((visible.match(/^ {2}- \*\*would lose:\*\* /gm) ?? []).length).toBe(7);
    // Every violation (one per domain with a delete or recycle) is listed; none is counted away.
    expect((visible.match(/^> - tenant-\d+\.customers\.example\.com: /gm) ?? []).length).toBe(4);
    expect(visible).not.toMatch(/… and \d+ more/);
    // A recycle reads as destructive: same section, same list, and says what happens.
    expect(visible).toContain('a different person takes over the extension');
  });

  it('keeps the summary table to 5 columns and names dependencies in words, not ids', () => {
    const md = renderMarkdown(largePlan({ routine: 30, deletes: 1 }));
    const header = md.split('\n').find((l) => l.startsWith('| Domain'));
    expect(header?.split('|').length).toBe(7); // 5 cells
    expect(md).not.toMatch(/after: user:/);
    expect(md).toContain('applied after: create user 3000 (Person Number0 With-A-Rather-Long-Surname)');
    expect(MARKDOWN_LIMIT).toBeLessThan(65_536);
  });

  it('escapes values outside code so they cannot start a table, HTML or emphasis', () => {
    const plan = largePlan({ routine: 0, deletes: 1 });
    const d = plan.domains[0];
    const del = d?.changes[0];
    if (!d || !del) throw new Error('fixture has no delete');
    const evil = { ...del, label: '1100 (<img src=x> | *bold* [x](y))' };
    const md = renderMarkdown({ ...plan, domains: [{ ...d, changes: [evil] }, ...plan.domains.slice(1)] });
    expect(md).toContain('1100 (\\<img src=x\\> \\| \\*bold\\* \\[x\\](y))');
  });
});

describe('render: text, the end of a long plan', () => {
  it('repeats BLOCKED and the counts on its last lines', () => {
    const plan = largePlan({ routine: 2_000, deletes: 2, blocked: true });
    const lines = renderText(plan).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2_000);
    expect(lines[0]).toMatch(/^BLOCKED by safety policy/);
    const end = lines.slice(-5).join('\n');
    expect(end).toMatch(/^Plan: 667 to create, 1333 to update, 0 to recycle, 2 to delete/m);
    expect(end).toMatch(/^BLOCKED by safety policy — nothing will be applied \(2 violations\):$/m);
    expect(end).toContain('  tenant-001.customers.example.com: 1 delete(s)/recycle(s) would destroy data');
  });

  it('ends with a data-loss warning when nothing blocks but data is destroyed', () => {
    const text = renderText(largePlan({ routine: 10, deletes: 1 }));
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^WARNING: 1 data-destroying change /);
  });
});
