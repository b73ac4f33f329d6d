import type { CombinedPlan, ShardResult } from './combine';
import { destroysData, destructiveLines, splitDestructive } from './comment-destructive';
import { formatChecksumMarker, PLAN_MARKER, stripMarkers } from './markers';

/** The PR comment and the job summary of a combined plan. */

/** GitHub rejects comments over 65,536 characters; stay clearly below. */
export const COMMENT_LIMIT = 65_000;
const LOG_TAIL_LINES = 30;

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fence(text: string): string {
  const body = text.replace(/```/g, '`\u200b``');
  return `\`\`\`\n${body}\n\`\`\``;
}

function tail(text: string, lines: number): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** Cut `text` to `limit` characters at a line boundary, saying so. */
function truncate(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  const room = Math.max(0, limit - note.length - 2);
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut : room)}\n${note}`;
}

export interface RenderOptions {
  readonly title?: string;
  readonly runUrl?: string;
  readonly limit?: number;
}

/** The top of the PR comment: markers, title, failures, policy blocks (and how to approve them), headline. */
function headLines(combined: CombinedPlan, title: string | undefined): string[] {
  const head: string[] = [
    PLAN_MARKER,
    formatChecksumMarker({ checksum: combined.checksum, headSha: combined.head_sha, shards: combined.shards }),
    `## ${title ?? 'pbxctl plan'}`,
    '',
  ];
  if (combined.errors.length > 0) {
    head.push('> [!CAUTION]', '> **The plan failed.** Nothing can be applied until it succeeds.', '>');
    for (const error of combined.errors) head.push(`> - ${escapeCell(error)}`);
    head.push('');
  }
  if (combined.blocked) {
    head.push('> [!WARNING]', '> **Blocked by policy.** Merging will not apply this plan unless it is approved.', '>');
    for (const reason of combined.blocked_reasons) head.push(`> - ${escapeCell(reason)}`);
    head.push('');
    if (combined.approvable && combined.errors.length === 0) head.push(...approvalHint(combined.checksum));
  }
  head.push(`**${combined.description}**`, '');
  return head;
}

/** How a reviewer approves the deletes/recycles of exactly this plan (docs/gitops.md, "Approving deletes"). */
function approvalHint(checksum: string): string[] {
  return [
    'To apply these deletes and recycles, a reviewer with write access (not the author) comments, after the last',
    'push:',
    '',
    '```',
    `/pbxctl approve ${checksum.slice(0, 12)}`,
    '```',
    '',
    'The approval covers this plan only: a new push or a change on the platform gives a new checksum and voids it.',
    '',
  ];
}

/** The per-domain table, 5 columns so it fits a GitHub comment; unmanaged objects are counted below it. */
function tableLines(combined: CombinedPlan, budget: number): string {
  if (combined.domains.length === 0) return '';
  const table = ['| Domain | Create | Update | Delete / recycle | Policy |', '|---|---:|---:|---:|---|'];
  for (const d of combined.domains) {
    const policy = d.blocked.length ? `⛔ ${escapeCell(d.blocked.map((b) => b.rule).join(', '))}` : 'ok';
    const risky = d.delete + d.recycle;
    const destroy = risky ? `**${d.delete} / ${d.recycle}**` : '0';
    table.push(`| ${escapeCell(d.domain)} | ${d.create} | ${d.update} | ${destroy} | ${policy} |`);
  }
  const unmanaged = combined.domains.reduce((n, d) => n + d.unmanaged, 0);
  const after = ['', ...(unmanaged ? [`${unmanaged} unmanaged object(s) on the platform, left alone.`, ''] : [])];
  const text = [...table, ...after].join('\n');
  // The table can be long for a fleet-wide change: keep rows while they fit in the budget.
  if (text.length <= budget) return text;
  const kept: string[] = [];
  let size = 0;
  for (const row of table) {
    if (size + row.length + 200 > budget) break;
    kept.push(row);
    size += row.length + 1;
  }
  const dropped = combined.domains.length - (kept.length - 2);
  return `${kept.join('\n')}\n\n_… ${dropped} more domain(s) not shown; see plan.json in the run artifacts._\n${after.join('\n')}`;
}

/** Each shard's plan.md collapsed (or the tail of its log when it failed). */
function shardSections(results: readonly ShardResult[]): string[] {
  const sections: string[] = [];
  for (const result of results) {
    const label = result.name === '.' ? 'Plan' : result.name;
    if (result.plan && result.markdown) {
      const domainsList = result.plan.domains.map((d) => d.domain).join(', ');
      const summary = escapeHtml(`${label}${domainsList ? ` — ${domainsList}` : ''}`);
      const split = splitDestructive(result.markdown);
      // A plan.md without the markers (an older pbxctl) that deletes or recycles is shown open.
      const open = !split.destructive && destroysData(result) ? ' open' : '';
      sections.push(
        `<details${open}><summary>${truncate(summary, 300, '…')}</summary>\n\n${stripMarkers(split.rest).trim()}\n\n</details>\n`,
      );
    } else if (!result.plan) {
      const log = result.log ? `\n\n${fence(tail(result.log, LOG_TAIL_LINES))}` : '';
      sections.push(`<details open><summary>${escapeHtml(label)} failed</summary>${log}\n\n</details>\n`);
    }
  }
  return sections;
}

/**
 * The PR comment: markers, headline, every data-destroying change in full, the per-domain table, then each
 * shard's routine plan.md collapsed and cut to what is left.
 */
export function renderCombinedComment(
  combined: CombinedPlan,
  results: readonly ShardResult[],
  options: RenderOptions = {},
): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const footerText = [
    '',
    `<sub>checksum \`${combined.checksum.slice(0, 16)}\`` +
      (combined.head_sha ? ` · commit ${combined.head_sha.slice(0, 12)}` : '') +
      (options.runUrl ? ` · [workflow run](${options.runUrl})` : '') +
      ' · full plan.json in the run artifacts · this comment is updated on every push</sub>',
  ].join('\n');
  // What destroys data comes right after the headline, in full: it is never truncated.
  let text = `${[...headLines(combined, options.title), ...destructiveLines(results)].join('\n')}\n`;
  text += tableLines(combined, Math.max(2_000, Math.min(Math.floor(limit / 2), limit - text.length - 4_000)));
  const sections = shardSections(results);
  let remaining = limit - text.length - footerText.length - 200; // room for the "omitted" line
  for (const [i, section] of sections.entries()) {
    const note = `\n_… truncated; see the run artifacts for the full plan._\n\n</details>\n`;
    if (section.length <= remaining) {
      text += `\n${section}`;
      remaining -= section.length + 1;
    } else if (remaining > 500) {
      text += `\n${truncate(section, remaining - note.length, '')}${note}`;
      remaining = 0;
    } else {
      text += `\n_${sections.length - i} more section(s) omitted to stay under GitHub's comment limit._\n`;
      break;
    }
  }
  return `${text}${footerText}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The job summary: the same headline and table without the collapsed plans. */
export function renderCombinedSummary(combined: CombinedPlan, title = 'pbxctl plan'): string {
  const lines = [`### ${title}`, '', `**${combined.description}**`, ''];
  for (const error of combined.errors) lines.push(`- ❌ ${error}`);
  for (const reason of combined.blocked_reasons) lines.push(`- ⛔ ${reason}`);
  if (combined.approved_by) lines.push(`- ✅ deletes/recycles approved by @${combined.approved_by} for this checksum`);
  if (combined.domains.length > 0) {
    lines.push('', '| Domain | Create | Update | Delete | Recycle |', '|---|---:|---:|---:|---:|');
    for (const d of combined.domains) {
      lines.push(`| ${escapeCell(d.domain)} | ${d.create} | ${d.update} | ${d.delete} | ${d.recycle} |`);
    }
    const unmanaged = combined.domains.reduce((n, d) => n + d.unmanaged, 0);
    if (unmanaged) lines.push('', `${unmanaged} unmanaged object(s) left alone.`);
  }
  lines.push('', `checksum \`${combined.checksum}\``, '');
  return lines.join('\n');
}
