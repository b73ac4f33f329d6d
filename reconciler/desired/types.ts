/** The desired state as loaded from YAML: what the loader produces and the planner consumes. */
import type { LineCounter, Document } from 'yaml';
import type { DesiredObject } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import type { SecretResolver } from '../kinds/secret';
import type { PlatformProfile } from '../platform/profile';
import type { ChangeWindow } from './change-window';
import type { ExtensionRules } from './reserved';
import type { PosNode } from './fast-yaml';

export interface Policy {
  readonly prune: boolean;
  readonly maxDeletes?: number;
  readonly protect: readonly string[];
  /**
   * Settings people change themselves (portal, handset): applied when an object is created, then left
   * alone — differences are reported, never reverted. Dotted field paths; default `voicemail.pin`.
   */
  readonly userOwned?: readonly string[];
  /** When apply may change routing or destroy data. */
  readonly changeWindow?: ChangeWindow;
  /**
   * Numbers and extensions (`*` = any) a plan may leave reaching nobody or caught in a forwarding loop
   * (plan/call-flows.ts); any other such change blocks the plan.
   */
  readonly allowDeadEnds?: readonly string[];
}

/** PINs are changed by their owners on the handset: by default pbxctl sets them at creation only. */
export const DEFAULT_USER_OWNED: readonly string[] = ['voicemail.pin'];

export interface DomainDesiredState {
  readonly domain: string;
  readonly files: readonly string[];
  readonly policy: Policy;
  /** The domain's platform profile (`platform:` over the fleet's `_platform.yaml` over the defaults). */
  readonly platform?: PlatformProfile;
  readonly extensionRules: ExtensionRules;
  /** Desired objects by kind name. */
  readonly objects: ReadonlyMap<string, readonly DesiredObject[]>;
  /** The raw text of the files, for the input checksum of a saved plan. */
  readonly sourceText: string;
}

export interface DesiredState {
  readonly domains: readonly DomainDesiredState[];
}

export interface LoadOptions {
  /** Resolves `{ env: NAME }`. Without it, references are checked for shape only (validate). */
  readonly secrets?: SecretResolver;
  /** Base for relative file names in messages (default: cwd). */
  readonly cwd?: string;
  /** The kinds (default: the production registry). */
  readonly registry?: Registry;
  /** For `PBXCTL_MAX_FILE_BYTES` (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface ParsedFile {
  readonly file: string;
  readonly displayName: string;
  /** Path relative to the path given to the loader. */
  readonly rootRelative: string;
  readonly text: string;
  /** The library's document (parsed on first use when the fast reader read the file: error paths only). */
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** Value and key offsets from the fast reader (`fast-yaml.ts`), when it read the file. */
  readonly tree?: PosNode;
  /** The document as a plain value (aliases and merge keys expanded, within bounds). */
  readonly value: unknown;
  /** JSON pointers (`/users/3`) of the values the schema refused: later checks skip them. */
  readonly invalid: Set<string>;
}
