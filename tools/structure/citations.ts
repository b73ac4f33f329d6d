/**
 * Document citations in comments: every `.md` file a comment names must exist in the repository, written
 * as a path from the repository root (`docs/reference/netsapiens-api.md`) or from the citing file's folder,
 * and every `§N` after it must be a numbered heading of that document (`## 4. Users`, `### 1.4 …`).
 * A letter after the number (`§1e`) must also appear in the document as a label (`| 1e |`).
 *
 * Read from disk without spawning anything (unit lane). Comments are found with the TypeScript parser in
 * source files and as `#` lines in YAML; names that are files pbxctl writes (plan.md, comment.md) are not
 * citations (OUTPUT_NAMES).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';

/** Markdown files pbxctl or its workflows write at run time: named in comments, never cited. */
export const OUTPUT_NAMES: ReadonlySet<string> = new Set(['plan.md', 'comment.md', 'drift.md', 'shard.md', 'main.md']);

export interface Citation {
  /** The citing file, repository-relative. */
  readonly file: string;
  readonly line: number;
  /** The document as written in the comment. */
  readonly document: string;
  /** The `§` sections after it, as written (`4`, `6.5`, `1e`). */
  readonly sections: readonly string[];
}

export interface CitationProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

interface CommentText {
  readonly line: number;
  readonly text: string;
}

/** Every comment of a TypeScript/JavaScript file, with the line it starts on. */
export function sourceComments(path: string, text: string): CommentText[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const out: CommentText[] = [];
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      out.push({ line: source.getLineAndCharacterOfPosition(r.pos).line + 1, text: text.slice(r.pos, r.end) });
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return out.sort((a, b) => a.line - b.line);
}

/** `#` comments of a YAML file (a `#` at the start of a line or after a blank). */
export function yamlComments(text: string): CommentText[] {
  const out: CommentText[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /(^|\s)#(.*)$/.exec(line);
    if (m) out.push({ line: i + 1, text: m[2] });
  });
  return out;
}

const URL = /\b[a-z][a-z+.-]*:\/\/\S+/gi;
const DOCUMENT = /(?<![\w./-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w-][\w.-]*\.md)(?![\w-])/g;
const SECTION = /^[\s,(]*§\s*(\d+(?:\.\d+)*[a-z]?)/;
const MORE_SECTION = /^\s*(?:,|and|\/|–)\s*§\s*(\d+(?:\.\d+)*[a-z]?)/;

/** The citations in one comment (line breaks and leading `*` / `//` do not matter). */
export function citationsIn(file: string, comment: CommentText): Citation[] {
  const lines = comment.text.split('\n');
  const out: Citation[] = [];
  lines.forEach((raw, offset) => {
    const rest = lines.slice(offset + 1).join(' ');
    const line = raw.replace(/^\s*(\/\/+|\/\*+|\*+\/?)?/, '').replace(URL, (u) => ' '.repeat(u.length));
    for (const m of line.matchAll(DOCUMENT)) {
      let after = `${line.slice((m.index ?? 0) + m[1].length)} ${rest.replace(/(^|\s)\*+\s/g, ' ')}`;
      const sections: string[] = [];
      let s = SECTION.exec(after);
      while (s) {
        sections.push(s[1]);
        after = after.slice(s[0].length);
        s = MORE_SECTION.exec(after);
      }
      out.push({ file, line: comment.line + offset, document: m[1], sections });
    }
  });
  return out;
}

/** The numbered sections of a Markdown document: `## 4. Users` → `4`, `### 1.4 DynamicValue` → `1.4`. */
export function documentSections(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(?:\*\*)?(\d+(?:\.\d+)*)[a-z]?[.)\s]/gm)) out.add(m[1]);
  return out;
}

/**
 * Checks citations against the repository at `root`. `documents` is every Markdown file of the repository
 * (repository-relative), used to tell a citation of one of ours from the name of a file pbxctl writes.
 */
export function checkCitations(root: string, citations: readonly Citation[], documents: readonly string[]) {
  const names = new Set(documents.map((d) => posix.basename(d)));
  const problems: CitationProblem[] = [];
  for (const c of citations) {
    const bare = !c.document.includes('/');
    if (bare && OUTPUT_NAMES.has(c.document) && c.sections.length === 0) continue;
    const target = [posix.normalize(posix.join(posix.dirname(c.file), c.document)), posix.normalize(c.document)].find(
      (p) => !p.startsWith('..') && existsSync(join(root, p)),
    );
    if (!target) {
      const where = documents.filter((d) => posix.basename(d) === posix.basename(c.document));
      problems.push({
        file: c.file,
        line: c.line,
        message:
          `cites ${c.document}, which is not a file of the repository (from the root or from ${dirname(c.file)}/). ` +
          (where.length ? `Fix: write ${where.join(' or ')}` : `Fix: cite a document that exists`) +
          (bare && !names.has(c.document) ? ` (or add it to OUTPUT_NAMES if pbxctl writes a file of that name)` : ''),
      });
      continue;
    }
    const text = readFileSync(join(root, target), 'utf8');
    const sections = documentSections(text);
    for (const s of c.sections) {
      const number = s.replace(/[a-z]$/, '');
      const label = s !== number && !new RegExp(`(^|[\\s|(§])${s}\\b`).test(text);
      if (!sections.has(number) || label) {
        problems.push({
          file: c.file,
          line: c.line,
          message: `cites ${c.document} §${s}, but ${target} has no ${label ? `label ${s}` : `section ${number}`}. Fix: cite one of §${[...sections].join(', §')}`,
        });
      }
    }
  }
  return problems;
}
