/**
 * Hidden HTML-comment markers. GitHub renders none of them, and they let the helpers find "their" comment or
 * issue again instead of posting a new one on every push.
 *
 *   <!-- pbxctl:plan -->                                   the one plan comment on a PR (first line)
 *   <!-- pbxctl:checksum:<sha256> sha:<head> shards:<n> -->  the reviewed plan: checksum, PR head commit, shard count
 *   <!-- pbxctl:drift:<domain> -->                         the one drift issue of a domain
 *   <!-- pbxctl:not-converged -->                          the one "main is not converged" issue
 */

export const PLAN_MARKER = '<!-- pbxctl:plan -->';
export const NOT_CONVERGED_MARKER = '<!-- pbxctl:not-converged -->';

export function driftMarker(domain: string): string {
  return `<!-- pbxctl:drift:${domain} -->`;
}

export interface ChecksumRecord {
  readonly checksum: string;
  /** The PR head commit the plan was made for. */
  readonly headSha?: string;
  readonly shards?: number;
}

export function formatChecksumMarker(record: ChecksumRecord): string {
  const parts = [`pbxctl:checksum:${record.checksum}`];
  if (record.headSha) parts.push(`sha:${record.headSha}`);
  if (record.shards !== undefined) parts.push(`shards:${record.shards}`);
  return `<!-- ${parts.join(' ')} -->`;
}

export function parseChecksumMarker(body: string): ChecksumRecord | undefined {
  const match = /<!-- pbxctl:checksum:([0-9a-f]{64})((?: [a-z]+:[^\s]+)*) -->/.exec(body);
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[2].trim().split(/\s+/).filter(Boolean)) {
    const at = part.indexOf(':');
    fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const shards = fields.get('shards');
  return {
    checksum: match[1],
    headSha: fields.get('sha'),
    shards: shards === undefined ? undefined : Number(shards),
  };
}

/** Remove every pbxctl marker line (used when embedding a shard's plan.md into the combined comment). */
export function stripMarkers(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*<!-- pbxctl:[^>]*-->\s*$/.test(line))
    .join('\n');
}
