/**
 * Heavy dependencies loaded on first use (issue 15). Terraform starts the provider several times per
 * command and most starts only answer schema calls: they never send a request, parse YAML or validate a
 * file, yet loading undici, yaml and ajv was most of their start-up. `import type` keeps the types; the
 * modules load when a function here is first called (and once: `require` caches them).
 */
import type Ajv2020Class from 'ajv/dist/2020';
import type addFormatsFn from 'ajv-formats';
import type * as UndiciModule from 'undici';
import type * as YamlModule from 'yaml';

let undici: typeof UndiciModule | undefined;
let yaml: typeof YamlModule | undefined;

export function lazyUndici(): typeof UndiciModule {
  undici ??= require('undici') as typeof UndiciModule;
  return undici;
}

export function lazyYaml(): typeof YamlModule {
  yaml ??= require('yaml') as typeof YamlModule;
  return yaml;
}

/** ajv's JSON Schema 2020-12 class (its CommonJS module exports the class as `default` too). */
export function lazyAjv2020(): typeof Ajv2020Class {
  return (require('ajv/dist/2020') as { default: typeof Ajv2020Class }).default;
}

export function lazyAddFormats(): typeof addFormatsFn {
  return (require('ajv-formats') as { default: typeof addFormatsFn }).default;
}
