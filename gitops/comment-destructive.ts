/**
 * The data-destroying changes of each shard's plan.md, lifted to the top of the combined PR comment (issue
 * 14 #3): they are never collapsed and never truncated; the routine rest of a shard stays collapsed.
 * `pbxctl plan --format markdown` writes them between these markers (reconciler/plan/render-markdown.ts).
 */
import type { ShardResult } from './combine';

export const DESTRUCTIVE_START = '<!-- pbxctl:destructive -->';
export const DESTRUCTIVE_END = '<!-- pbxctl:destructive-end -->';

export interface SplitMarkdown {
  /** The data-destroying section, markers removed; empty when the shard has none (or no markers). */
  readonly destructive: string;
  /** The shard's Markdown without that section. */
  readonly rest: string;
}

export function splitDestructive(markdown: string): SplitMarkdown {
  const start = markdown.indexOf(DESTRUCTIVE_START);
  const end = markdown.indexOf(DESTRUCTIVE_END, start);
  if (start < 0 || end < 0) return { destructive: '', rest: markdown };
  return {
    destructive: markdown.slice(start + DESTRUCTIVE_START.length, end).trim(),
    rest: `${markdown.slice(0, start)}_Data-destroying changes: shown at the top of this comment._\n${markdown.slice(end + DESTRUCTIVE_END.length)}`,
  };
}

/** Whether a shard's plan deletes or recycles anything (then its Markdown must not be collapsed blindly). */
export function destroysData(result: ShardResult): boolean {
  return !!result.plan?.domains.some((d) => d.changes.some((c) => c.action === 'delete' || c.action === 'recycle'));
}

/** The top section of the combined comment: every shard's data-destroying changes, in full. */
export function destructiveLines(results: readonly ShardResult[]): string[] {
  const parts = results.flatMap((r) => {
    const part = r.plan && r.markdown ? splitDestructive(r.markdown).destructive : '';
    return part ? [part] : [];
  });
  return parts.length ? [...parts.flatMap((p) => [p, '']), ''] : [];
}
