/**
 * Visual check of the PR comment (issue 14 #3): the Markdown of large mixed plans, rendered as GitHub does
 * (GFM, GitHub-like CSS at comment width), in headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser download). Asserts no horizontal overflow and that every data-destroying
 * change is visible — in the DOM, outside any collapsed <details>, its "would lose" line not clipped.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlanDocument, renderMarkdown } from '../../reconciler/index';
import { largePlan } from '../test-support/large-plan';
import { COMMENT_WIDTH, commentPage, DESTRUCTIVE_PROBE, LAYOUT_PROBE } from './test-support/github-comment-page';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    '\n*** PR-comment visual check SKIPPED: no Chromium at /usr/bin/chromium. ***\n' +
      '*** Install it (`apt-get install -y chromium`) to run test/e2e/pr-comment-visual.test.ts. ***\n',
  );
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Layout {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly columnRight: number;
  readonly tables: { right: number; scrollWidth: number; clientWidth: number }[];
  /** Text blocks (paragraphs, list items, headings) whose content is wider than their box. */
  readonly clipped: string[];
}

interface Shown {
  readonly text: string;
  readonly lose: string;
  readonly inCollapsed: boolean;
  readonly height: number;
}

/** Labels of the data-destroying changes with their loss line, as the renderer writes them. */
function destroying(plan: PlanDocument): { label: string; domain: string }[] {
  return plan.domains.flatMap((d) =>
    d.changes
      .filter((c) => c.class === 'data-destroying' || c.action === 'delete' || c.action === 'recycle')
      .map((c) => ({ label: c.label, domain: d.domain })),
  );
}

describe.skipIf(!HAVE_CHROMIUM)('PR comment as GitHub shows it (headless Chromium)', () => {
  let context: BrowserContext;
  let profile: string;
  const shots = mkdtempSync(join(tmpdir(), 'pbxctl-pr-comment-'));

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'pbxctl-chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: COMMENT_WIDTH + 40, height: 900 },
    });
    console.info(`PR-comment screenshots: ${shots}`);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const cases: [string, PlanDocument][] = [
    ['a 2,000-change plan with one delete', largePlan({ routine: 1_999, deletes: 1 })],
    [
      'a mixed, blocked plan: 3,000 routine changes, 4 deletes, 3 recycles',
      largePlan({ routine: 3_000, deletes: 4, recycles: 3, blocked: true }),
    ],
  ];

  it.each(cases)('%s: no horizontal overflow, every data-destroying change visible', async (name, plan) => {
    const md = renderMarkdown(plan);
    expect(md.length).toBeLessThan(65_000);
    const page = await context.newPage();
    await page.setContent(commentPage(md));
    const layout = (await page.evaluate(LAYOUT_PROBE)) as Layout;
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.tables.length).toBeGreaterThan(0);
    for (const t of layout.tables) {
      expect(t.scrollWidth).toBeLessThanOrEqual(t.clientWidth);
      expect(t.right).toBeLessThanOrEqual(layout.columnRight + 1);
    }
    expect(layout.clipped).toEqual([]);

    // Every data-destroying change: its heading and its full loss line are rendered outside collapsed blocks.
    const expected = destroying(plan);
    expect(expected.length).toBeGreaterThan(0);
    const shown = (await page.evaluate(DESTRUCTIVE_PROBE)) as Shown[];
    expect(shown).toHaveLength(expected.length);
    for (const e of expected) {
      const hit = shown.find((s) => s.text.includes(e.label) && s.text.includes(e.domain));
      expect(hit, `${e.label} in ${e.domain} is not rendered`).toBeDefined();
      expect(hit?.inCollapsed).toBe(false);
      expect(hit?.height).toBeGreaterThan(0);
      // The whole loss list, up to its last phone number, is in the rendered text.
      expect(hit?.lose).toMatch(
        /212 personal contacts; 12 phone numbers routed here \(returned to inventory\) \((1212555\d{4}, ){11}1212555\d{4}\)$/,
      );
    }
    const file = join(shots, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    await page.close();
  });

  it('the probes catch what they must: a 9-column table overflows, a delete inside <details> is hidden', async () => {
    const wide = 'tenant-000.a-customer-with-a-long-name.example.com';
    const md = [
      '| Domain | Kind | Create | Update | Recycle | Delete | Cosmetic | Routing | Data-destroying |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|',
      `| ${wide} | shared_contact | 100 | 200 | 1 | 1 | 100 | 200 | 2 |`,
      '',
      '<details><summary>tenant-000: 1 change</summary>',
      '',
      '- 🗑 **DELETE** user 1100 (Alan Turing) · tenant-000',
      '  - **would lose:** 41 voicemail messages',
      '',
      '</details>',
      '',
      '```diff',
      `# would lose: ${'12125550000, '.repeat(20)}`,
      '```',
    ].join('\n');
    const page = await context.newPage();
    await page.setContent(commentPage(md));
    const layout = (await page.evaluate(LAYOUT_PROBE)) as Layout;
    expect(layout.tables.some((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    const shown = (await page.evaluate(DESTRUCTIVE_PROBE)) as Shown[];
    expect(shown).toHaveLength(1);
    expect(shown[0]?.inCollapsed).toBe(true);
    await page.close();
  });
});
