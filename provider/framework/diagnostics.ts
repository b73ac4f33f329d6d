/** One step of an attribute path: an attribute name, a map key or a list index. */
export type PathStep = { readonly attribute: string } | { readonly key: string } | { readonly index: number };

export type AttributePath = readonly PathStep[];

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly path?: AttributePath;
}

/** Throw from CRUD code for a diagnostic with a chosen summary (and optional attribute path). */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly summary: string,
    readonly detail?: string,
    readonly path?: AttributePath,
  ) {
    super(detail ? `${summary}: ${detail}` : summary);
  }
}

export function errorDiagnostic(summary: string, detail?: string, path?: AttributePath): Diagnostic {
  return { severity: 'error', summary, ...(detail !== undefined ? { detail } : {}), ...(path ? { path } : {}) };
}

/** Turns anything thrown by resource code into a diagnostic; never includes stack traces. */
export function diagnosticFromError(err: unknown, context: string): Diagnostic {
  if (err instanceof ProviderError) return errorDiagnostic(err.summary, err.detail, err.path);
  const message = err instanceof Error ? err.message : String(err);
  return errorDiagnostic(context, message);
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

export function pathToString(path: AttributePath): string {
  return path
    .map((s) => ('attribute' in s ? `.${s.attribute}` : 'key' in s ? `[${JSON.stringify(s.key)}]` : `[${s.index}]`))
    .join('')
    .replace(/^\./, '');
}

/** The tfplugin6 wire form (proto-loader object with enums as strings). */
export interface ProtoDiagnostic {
  severity: 'ERROR' | 'WARNING';
  summary: string;
  detail: string;
  attribute: { steps: ProtoPathStep[] } | null;
}

export type ProtoPathStep = { attribute_name: string } | { element_key_string: string } | { element_key_int: number };

export function pathToProto(path: AttributePath): { steps: ProtoPathStep[] } {
  return {
    steps: path.map((s) =>
      'attribute' in s
        ? { attribute_name: s.attribute }
        : 'key' in s
          ? { element_key_string: s.key }
          : { element_key_int: s.index },
    ),
  };
}

export function pathFromProto(p: { steps?: readonly Record<string, unknown>[] } | null | undefined): AttributePath {
  return (p?.steps ?? []).map((s): PathStep => {
    // proto-loader (oneofs: true) names the set member in `selector`; oneof
    // members are never filled with defaults, so presence also identifies it.
    const which =
      typeof s.selector === 'string'
        ? s.selector
        : s.attribute_name !== undefined
          ? 'attribute_name'
          : s.element_key_string !== undefined
            ? 'element_key_string'
            : 'element_key_int';
    if (which === 'attribute_name') return { attribute: String(s.attribute_name) };
    if (which === 'element_key_string') return { key: String(s.element_key_string) };
    return { index: Number(s.element_key_int) };
  });
}

export function diagnosticToProto(d: Diagnostic): ProtoDiagnostic {
  return {
    severity: d.severity === 'error' ? 'ERROR' : 'WARNING',
    summary: d.summary,
    detail: d.detail ?? '',
    attribute: d.path && d.path.length > 0 ? pathToProto(d.path) : null,
  };
}
