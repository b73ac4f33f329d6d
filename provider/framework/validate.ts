import { type CtyObject, type CtyValue, isWhollyKnown, Unknown } from '../cty/values';
import { type AttributePath, type Diagnostic, errorDiagnostic, pathToString } from './diagnostics';
import type { BlockNestingMode, BlockSpec } from './schema';
import { asObj, entriesOf, type Shape, shapeOf } from './schema-walk';

// ---------------------------------------------------------------- validation

/** Runs attribute validators over a (possibly partly unknown) config. */
export function validateConfig(schema: BlockSpec, config: CtyObject | null): Diagnostic[] {
  const diags: Diagnostic[] = [];
  if (config) validateShape(shapeOf(schema), config, [], diags);
  return diags;
}

function validateShape(shape: Shape, value: CtyObject, path: AttributePath, diags: Diagnostic[]): void {
  for (const [name, a] of entriesOf(shape.attributes)) {
    const v = value[name] ?? null;
    if (v === null || v instanceof Unknown) continue;
    const validators = a.validators;
    // Nothing to check here or below: no path to build.
    if ((validators === undefined || validators.length === 0) && !a.nested) continue;
    const here: AttributePath = [...path, { attribute: name }];
    if (validators !== undefined && validators.length > 0 && isWhollyKnown(v)) {
      for (const validate of validators) {
        const problem = validate(v, here);
        if (problem === undefined) continue;
        diags.push(
          typeof problem === 'string'
            ? errorDiagnostic(`Invalid value for ${pathToString(here)}`, problem, here)
            : errorDiagnostic(problem.summary, problem.detail, here),
        );
      }
    }
    if (a.nested) {
      forEachElement(a.nested.nesting, v, here, (e, p) =>
        validateShape({ attributes: a.nested!.attributes, blocks: {} }, e, p, diags),
      );
    }
  }
  for (const [name, b] of entriesOf(shape.blocks)) {
    const v = value[name] ?? null;
    if (v === null || v instanceof Unknown) continue;
    forEachElement(b.nesting, v, [...path, { attribute: name }], (e, p) =>
      validateShape(shapeOf(b.block), e, p, diags),
    );
  }
}

function forEachElement(
  nesting: BlockNestingMode,
  v: CtyValue,
  path: AttributePath,
  fn: (e: CtyObject, p: AttributePath) => void,
): void {
  if (nesting === 'single' || nesting === 'group') {
    const o = asObj(v);
    if (o) fn(o, path);
  } else if (nesting === 'map') {
    for (const [k, e] of Object.entries(asObj(v) ?? {})) {
      const o = asObj(e);
      if (o) fn(o, [...path, { key: k }]);
    }
  } else if (Array.isArray(v)) {
    // Set elements have no stable index; Terraform renders the path up to the set.
    v.forEach((e, i) => {
      const o = asObj(e);
      if (o) fn(o, nesting === 'list' ? [...path, { index: i }] : path);
    });
  }
}
