import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinedChecksum, combineResults, readShardResults } from './combine';
import { COMMENT_LIMIT, renderCombinedComment } from './combine-render';
import { PLAN_MARKER, parseChecksumMarker } from './markers';
import { parsePlan } from './plan-file';
import { runCi } from './test-support/run-ci';

const fixtures = join(__dirname, 'test-fixtures');

/** A results directory as actions/download-artifact writes it: one sub-directory per shard artifact. */
function makeResults(shards: Record<string, { plan?: string; md?: string; exit?: number; log?: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-results-'));
  for (const [name, shard] of Object.entries(shards)) {
    const sub = join(dir, name);
    mkdirSync(sub, { recursive: true });
    if (shard.plan) cpSync(join(fixtures, shard.plan), join(sub, 'plan.json'));
    if (shard.md) cpSync(join(fixtures, shard.md), join(sub, 'plan.md'));
    if (shard.exit !== undefined) writeFileSync(join(sub, 'exit-code'), `${shard.exit}\n`);
    if (shard.log) writeFileSync(join(sub, 'plan.log'), shard.log);
  }
  return dir;
}

describe('combine-summaries', () => {
  it('combines shards into one comment with the plan marker and a checksum marker', async () => {
    const dir = makeResults({
      'plan-shard-1-of-4': { plan: 'plan-acme.json', md: 'plan-acme.md', exit: 2 },
    });
    const cwd = mkdtempSync(join(tmpdir(), 'pbxctl-cwd-'));
    const run = await runCi(
      [
        'combine-summaries',
        dir,
        '--out',
        'comment.md',
        '--json',
        'combined.json',
        '--head-sha',
        'a'.repeat(40),
        '--shards',
        '4',
      ],
      { cwd, env: { GITHUB_REPOSITORY: 'acme/phone-config', GITHUB_RUN_ID: '7' } },
    );
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('success');
    expect(run.outputs['has-changes']).toBe('true');
    expect(run.outputs.description).toBe('1 domain(s): 1 to create, 1 to update, 0 to delete, 0 to recycle');
    const comment = readFileSync(join(cwd, 'comment.md'), 'utf8');
    expect(comment.split('\n')[0]).toBe(PLAN_MARKER);
    expect(comment.match(/<!-- pbxctl:plan -->/g)).toHaveLength(1);
    const record = parseChecksumMarker(comment);
    expect(record).toEqual({ checksum: run.outputs.checksum, headSha: 'a'.repeat(40), shards: 4 });
    expect(comment).toContain('| acme.example.com | 1 | 1 | 0 | ok |');
    expect(comment).toContain('1 unmanaged object(s) on the platform, left alone.');
    expect(comment).toContain('ring-group 2000 Front Desk');
    expect(comment).toContain('/acme/phone-config/actions/runs/7');
    expect(run.summary).toContain('acme.example.com');
    const combined = JSON.parse(readFileSync(join(cwd, 'combined.json'), 'utf8'));
    expect(combined.checksum).toBe(run.outputs.checksum);
    expect(combined.checksum).toBe(
      combinedChecksum(['3f1c9a0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6']),
    );
  });

  it('a blocked plan fails with the reason', async () => {
    const dir = makeResults({
      'plan-shard-1-of-2': { plan: 'plan-acme.json', md: 'plan-acme.md', exit: 2 },
      'plan-shard-2-of-2': { plan: 'plan-blocked.json', md: 'plan-blocked.md', exit: 3 },
    });
    const run = await runCi(['combine-summaries', dir, '--out', 'c.md'], { cwd: mkdtempSync(join(tmpdir(), 'x-')) });
    expect(run.outputs.state).toBe('failure');
    expect(run.outputs.blocked).toBe('true');
    expect(run.outputs.description).toMatch(/^Blocked by policy: globex\.example\.com: 1 delete would destroy data/);
    expect(run.outputs.description.length).toBeLessThanOrEqual(140);
    expect(run.summary).toContain('re-run with --allow-deletes');
    expect(run.summary).toContain('re-run with --allow-recycle');
  });

  it('a failed or missing shard fails the plan and quotes its log', () => {
    const dir = makeResults({
      'plan-shard-1-of-2': { plan: 'plan-acme.json', md: 'plan-acme.md', exit: 0 },
      'plan-shard-2-of-2': { exit: 1, log: 'domains/globex.yaml:4:3 users[0].extension: "911" is reserved\n' },
    });
    const results = readShardResults(dir);
    const combined = combineResults(results, { expectedJobs: 3, upstreamFailures: ['job plan failed'] });
    expect(combined.state).toBe('failure');
    expect(combined.errors).toEqual([
      'job plan failed',
      'plan-shard-2-of-2: no plan.json (exit code 1)',
      'expected results from 3 shard job(s), found 2',
    ]);
    const comment = renderCombinedComment(combined, results);
    expect(comment).toContain('"911" is reserved');
    expect(comment).toContain('The plan failed');
  });
});

describe('combine-summaries (2)', () => {
  it('the combined checksum does not depend on shard order', () => {
    const a = parsePlan(readFileSync(join(fixtures, 'plan-acme.json'), 'utf8'));
    const b = parsePlan(readFileSync(join(fixtures, 'plan-blocked.json'), 'utf8'));
    const one = combineResults([
      { name: 'x', plan: a },
      { name: 'y', plan: b },
    ]);
    const two = combineResults([
      { name: 'y', plan: b },
      { name: 'x', plan: a },
    ]);
    expect(one.checksum).toBe(two.checksum);
    expect(one.checksum).not.toBe(combineResults([{ name: 'x', plan: a }]).checksum);
  });

  it('stays under the comment limit for a fleet-sized plan', () => {
    const base = parsePlan(readFileSync(join(fixtures, 'plan-acme.json'), 'utf8'));
    const domains = Array.from({ length: 600 }, (_, i) => ({ ...base.domains[0], domain: `tenant-${i}.example.com` }));
    const plan = { ...base, domains };
    const markdown = `<!-- pbxctl:plan -->\n${'~ ring-group 2000 members changed\n'.repeat(4000)}`;
    const results = [
      { name: 'plan-shard-1-of-2', plan, markdown },
      { name: 'plan-shard-2-of-2', plan, markdown },
    ];
    const combined = combineResults(results);
    const comment = renderCombinedComment(combined, results);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment).toContain('more domain(s) not shown');
    expect(comment.startsWith(PLAN_MARKER)).toBe(true);
    expect(parseChecksumMarker(comment)?.checksum).toBe(combined.checksum);
  });

  it('summary writes outputs for a single plan.json', async () => {
    const run = await runCi(['summary', '--plan', join(fixtures, 'plan-blocked.json')], { cwd: fixtures });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ blocked: 'true', 'has-changes': 'true', delete: '1', recycle: '1' });
    expect(run.outputs.checksum).toMatch(/^9a8b7c6d/);
    expect(run.summary).toContain('globex.example.com');
  });

  it('rejects a plan.json of another format version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-bad-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ format_version: '2', checksum: 'x' }));
    const run = await runCi(['summary', '--plan', 'plan.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unsupported format_version "2"');
  });
});
