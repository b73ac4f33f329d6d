/**
 * Every document a comment cites exists in the repository, and every `§N` it names is a section of it
 * (tools/structure/citations.ts). A failure lists `file:line  message. Fix: …`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Citation,
  checkCitations,
  citationsIn,
  documentSections,
  sourceComments,
  yamlComments,
} from './citations';
import { isSourcePath } from './source-files';

const ROOT = join(__dirname, '..', '..');
const SKIPPED = new Set([
  '.git',
  'node_modules',
  'dist',
  'coverage',
  'cdktf.out',
  '.gen',
  '.terraform',
  '.pbxctl',
  'tmp',
]);

function repositoryFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(path);
      } else if (entry.isFile()) out.push(path);
    }
  };
  walk('');
  return out.sort();
}

function citationsOf(file: string, text: string): Citation[] {
  const comments = /\.ya?ml$/.test(file) ? yamlComments(text) : sourceComments(file, text);
  return comments.flatMap((c) => citationsIn(file, c));
}

describe('document citations in comments', () => {
  const files = repositoryFiles();
  const documents = files.filter((f) => f.endsWith('.md'));
  const scanned = files.filter((f) => !f.startsWith('vendor/') && (isSourcePath(f) || /\.ya?ml$/.test(f)));
  const citations = scanned.flatMap((f) => citationsOf(f, readFileSync(join(ROOT, f), 'utf8')));

  it('finds the citations it checks', () => {
    expect(citations.filter((c) => c.document.endsWith('design.md')).length).toBeGreaterThan(20);
    expect(citations.some((c) => c.sections.length > 0)).toBe(true);
  });

  it('every cited document exists and every cited § is one of its sections', () => {
    const problems = checkCitations(ROOT, citations, documents);
    const report = problems.map((p) => `${p.file}:${p.line}  ${p.message}`).join('\n');
    expect(problems.length, `\n${report}\n`).toBe(0);
  });
});

describe('the citation checker', () => {
  const at = (text: string, file = 'reconciler/x.ts') =>
    sourceComments(file, text).flatMap((c) => citationsIn(file, c));

  it('reads documents and sections from line and block comments, across line breaks', () => {
    const found = at(
      [
        "const s = 'not a comment: docs/none.md §9';",
        '// as docs/design.md §3, §6.2 says',
        '/**',
        ' * the codec (docs/reference/netsapiens-api.md',
        ' * §8), and https://example.com/x/guide.md is a URL',
        ' */',
        `export const x = \`tpl \${s} docs/nope.md\`;`,
      ].join('\n'),
    );
    expect(found.map((c) => [c.line, c.document, c.sections])).toEqual([
      [2, 'docs/design.md', ['3', '6.2']],
      [4, 'docs/reference/netsapiens-api.md', ['8']],
    ]);
  });

  it('reports a missing document, a bare name of a document elsewhere, and a missing section', () => {
    const docs = ['docs/design.md', 'docs/reference/netsapiens-api.md'];
    const problems = checkCitations(
      ROOT,
      [
        { file: 'reconciler/a.ts', line: 1, document: 'docs/no-such-note.md', sections: [] },
        { file: 'reconciler/a.ts', line: 2, document: 'netsapiens-api.md', sections: ['4'] },
        { file: 'reconciler/a.ts', line: 3, document: 'docs/design.md', sections: ['99'] },
        { file: 'reconciler/a.ts', line: 4, document: 'plan.md', sections: [] },
        { file: 'reconciler/a.ts', line: 5, document: 'docs/design.md', sections: ['4'] },
      ],
      docs,
    );
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(problems[1].message).toContain('docs/reference/netsapiens-api.md');
    expect(problems[2].message).toContain('no section 99');
  });

  it('reads numbered headings and YAML comments', () => {
    expect([...documentSections('# T\n## 1. Auth\n### 1.4 Scopes\n## Sources\n## 14. Limits\n')]).toEqual([
      '1',
      '1.4',
      '14',
    ]);
    expect(yamlComments('a: 1 # see docs/gitops.md\nb: "x#y"\n# top\n')).toEqual([
      { line: 1, text: ' see docs/gitops.md' },
      { line: 3, text: ' top' },
    ]);
  });
});
