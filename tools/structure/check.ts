/**
 * All structural rules over one repository checkout, as data (the CLI in tools/check-structure.ts prints
 * them; tools/structure/structure.test.ts fails on them).
 */
import { buildImportGraph, type ImportEdge } from './imports';
import { emulatorIndependent, folderCycles, importCycles, reconcilerIndexOnly, type Violation } from './layer-rules';
import { fileTooLong, functionsTooLong } from './size-rules';
import { readGeneratedMatcher, readSourceFiles, type SourceFile } from './source-files';

export type { Violation } from './layer-rules';

/** The rules in reporting order, with the sentence each one enforces. */
export const RULES = {
  'import-cycle': 'no import cycles within reconciler/, provider/, gitops/ or emulator/',
  'folder-cycle':
    'the sub-folders of reconciler/, provider/, gitops/ and emulator/ do not import each other in a cycle',
  'reconciler-public-index':
    'outside reconciler/, import reconciler/ only through reconciler/index.ts (provider/ also through reconciler/provider-api.ts)',
  'emulator-no-reconciler': 'emulator/ imports nothing from reconciler/',
  'file-length': 'no hand-written source file over 400 lines',
  'function-length': 'no function over 80 lines',
} as const;

export type RuleName = keyof typeof RULES;

export interface Repository {
  files: SourceFile[];
  /** Hand-written files: not marked generated in .gitattributes. */
  handWritten: SourceFile[];
  edges: ImportEdge[];
}

export function loadRepository(root: string): Repository {
  const files = readSourceFiles(root);
  const generated = readGeneratedMatcher(root);
  return { files, handWritten: files.filter((f) => !generated(f.path)), edges: buildImportGraph(files) };
}

export function checkRule(repo: Repository, rule: RuleName): Violation[] {
  switch (rule) {
    case 'import-cycle':
      return importCycles(repo.edges);
    case 'folder-cycle':
      return folderCycles(repo.edges);
    case 'reconciler-public-index':
      return reconcilerIndexOnly(repo.edges);
    case 'emulator-no-reconciler':
      return emulatorIndependent(repo.edges);
    case 'file-length':
      return repo.handWritten.flatMap((f) => fileTooLong(f));
    case 'function-length':
      return repo.handWritten.flatMap((f) => functionsTooLong(f));
  }
}

export function checkAll(repo: Repository): Violation[] {
  return (Object.keys(RULES) as RuleName[]).flatMap((rule) => checkRule(repo, rule));
}

/** `file:line  [rule] message. Fix: …`, one line per violation: editors and CI annotations link the location. */
export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}  [${v.rule}] ${v.message}. Fix: ${v.fix}.`;
}

export function formatReport(violations: readonly Violation[]): string {
  if (violations.length === 0) return 'structure: all rules hold';
  const counts = (Object.keys(RULES) as RuleName[])
    .map((rule) => [rule, violations.filter((v) => v.rule === rule).length] as const)
    .filter(([, n]) => n > 0)
    .map(([rule, n]) => `${rule} ${n}`);
  return [
    ...violations.map(formatViolation),
    `structure: ${violations.length} violation${violations.length === 1 ? '' : 's'} (${counts.join(', ')})`,
  ].join('\n');
}
