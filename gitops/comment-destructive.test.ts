import { describe, expect, it } from 'vitest';
import { renderJson, renderMarkdown } from '../reconciler';
import { combineResults } from './combine';
import { COMMENT_LIMIT, renderCombinedComment } from './combine-render';
import { DESTRUCTIVE_END, DESTRUCTIVE_START, splitDestructive } from './comment-destructive';
import { parsePlan } from './plan-file';
import { mixedPlan } from './test-support/mixed-plan';

function shard(name: string, o: Parameters<typeof mixedPlan>[0]) {
  const doc = mixedPlan(o);
  return { name, plan: parsePlan(renderJson(doc)), markdown: renderMarkdown(doc) };
}

describe('PR comment: data-destroying changes', () => {
  it('plan.md marks its data-destroying section, and only when there is one', () => {
    const md = renderMarkdown(mixedPlan({ updates: 20, deletes: 1 }));
    expect(md).toContain(DESTRUCTIVE_START);
    expect(md).toContain(DESTRUCTIVE_END);
    expect(splitDestructive(md).destructive).toMatch(/^#### ⚠️ 1 change destroys data/);
    expect(renderMarkdown(mixedPlan({ updates: 20 }))).not.toContain(DESTRUCTIVE_START);
  });

  it('lifts every shard’s deletes and recycles to the top, in full, while routine changes are cut', () => {
    const results = [
      shard('plan-shard-1-of-2', { updates: 2_000, deletes: 1 }),
      shard('plan-shard-2-of-2', { updates: 2_000, recycles: 2, domains: 4 }),
    ];
    const comment = renderCombinedComment(combineResults(results), results);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const top = comment.slice(0, comment.indexOf('<details'));
    expect((top.match(/^- 🗑 \*\*DELETE\*\* /gm) ?? []).length).toBe(1);
    expect((top.match(/^- ♻️ \*\*RECYCLE\*\* /gm) ?? []).length).toBe(2);
    expect((top.match(/^ {2}- \*\*would lose:\*\* .*\(1212555\d{4}(, 1212555\d{4}){11}\)$/gm) ?? []).length).toBe(3);
    expect(top).toMatch(/^\| Domain \| Create \| Update \| Delete \/ recycle \| Policy \|$/m);
    // The routine part is collapsed and cut.
    expect(comment).toMatch(/truncated|omitted/);
    expect(comment).not.toContain(DESTRUCTIVE_START);
  });

  it('shows a shard open when its plan.md deletes but has no markers (an older pbxctl)', () => {
    const s = shard('plan-shard-1-of-1', { updates: 3, deletes: 1 });
    const old = { ...s, markdown: s.markdown.replace(DESTRUCTIVE_START, '').replace(DESTRUCTIVE_END, '') };
    const comment = renderCombinedComment(combineResults([old]), [old]);
    expect(comment).toContain('<details open><summary>plan-shard-1-of-1');
  });
});
