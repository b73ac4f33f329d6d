/**
 * A small evaluator for GitHub Actions expressions (`${{ … }}` and `if:`), enough for the pbxctl workflows:
 * context paths (`needs.prepare.outputs.count`, `steps.combine.outputs.state`, `matrix.shard`, `github.sha`,
 * `env.X`, `secrets.X`), string/number/boolean/null literals, `!`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`,
 * parentheses, and the functions `success() failure() always() cancelled() fromJSON() toJSON() contains()
 * startsWith() endsWith() format()`. Semantics follow the Actions docs: `&&`/`||` return an operand, string
 * comparison ignores case, and mixed-type `==` compares as numbers.
 */

export type Value = unknown;

export interface ExpressionContext {
  readonly contexts: Readonly<Record<string, Value>>;
  /** Status functions, which depend on where the expression is evaluated (job or step). */
  readonly status: { success(): boolean; failure(): boolean; cancelled(): boolean };
}

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in expression: ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      tokens.push({ t: 'str', v: s });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)/i.exec(src.slice(i));
      if (!m) throw new Error(`bad number in expression: ${src}`);
      tokens.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ t: 'op', v: two });
        i += 2;
      } else if ('!<>().,[]*'.includes(c)) {
        tokens.push({ t: 'op', v: c });
        i++;
      } else throw new Error(`unexpected "${c}" in expression: ${src}`);
    }
  }
  return tokens;
}

export function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (typeof v === 'number' && Number.isNaN(v)) return false;
  return true;
}

function toNumber(v: Value): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return Number.NaN;
}

function equals(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'object' && a !== null) return a === b;
  if (typeof b === 'object' && b !== null) return false;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return toNumber(a) === toNumber(b);
}

/** The string form used when an expression is interpolated into a larger string. */
export function stringify(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return JSON.stringify(v, null, 2);
}

function property(v: Value, name: string): Value {
  if (v === null || v === undefined || typeof v !== 'object') return null;
  const record = v as Record<string, Value>;
  if (name in record) return record[name];
  // Context property names are case-insensitive.
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : record[key];
}

export function evaluate(src: string, ctx: ExpressionContext): Value {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (v?: string) => {
    const tok = tokens[pos];
    return tok && tok.t === 'op' && (v === undefined || tok.v === v) ? tok : undefined;
  };
  const expect = (v: string) => {
    if (!peek(v)) throw new Error(`expected "${v}" in expression: ${src}`);
    pos++;
  };

  function call(name: string, args: Value[]): Value {
    switch (name.toLowerCase()) {
      case 'success':
        return ctx.status.success();
      case 'failure':
        return ctx.status.failure();
      case 'cancelled':
        return ctx.status.cancelled();
      case 'always':
        return true;
      case 'fromjson':
        return JSON.parse(String(args[0]));
      case 'tojson':
        return JSON.stringify(args[0], null, 2);
      case 'contains':
        return Array.isArray(args[0])
          ? args[0].some((x) => equals(x, args[1]))
          : stringify(args[0]).toLowerCase().includes(stringify(args[1]).toLowerCase());
      case 'startswith':
        return stringify(args[0]).toLowerCase().startsWith(stringify(args[1]).toLowerCase());
      case 'endswith':
        return stringify(args[0]).toLowerCase().endsWith(stringify(args[1]).toLowerCase());
      case 'format':
        return stringify(args[0]).replace(/\{(\d+)\}/g, (_m, n: string) => stringify(args[Number(n) + 1]));
      default:
        throw new Error(`unsupported function ${name}() in expression: ${src}`);
    }
  }

  function primary(): Value {
    const tok = tokens[pos++];
    if (!tok) throw new Error(`unexpected end of expression: ${src}`);
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t === 'op' && tok.v === '(') {
      const v = or();
      expect(')');
      return v;
    }
    if (tok.t === 'op' && tok.v === '!') return !truthy(unary());
    if (tok.t !== 'id') throw new Error(`unexpected "${tok.v}" in expression: ${src}`);
    if (tok.v === 'true') return true;
    if (tok.v === 'false') return false;
    if (tok.v === 'null') return null;
    if (peek('(')) {
      pos++;
      const args: Value[] = [];
      if (!peek(')')) {
        args.push(or());
        while (peek(',')) {
          pos++;
          args.push(or());
        }
      }
      expect(')');
      return call(tok.v, args);
    }
    let v: Value = property(ctx.contexts, tok.v);
    for (;;) {
      if (peek('.')) {
        pos++;
        const name = tokens[pos++];
        if (name?.t !== 'id') throw new Error(`expected a property name in expression: ${src}`);
        v = property(v, name.v);
      } else if (peek('[')) {
        pos++;
        const key = or();
        expect(']');
        v = property(v, stringify(key));
      } else break;
    }
    return v;
  }
  function unary(): Value {
    if (peek('!')) {
      pos++;
      return !truthy(unary());
    }
    return primary();
  }
  function comparison(): Value {
    let left = unary();
    for (;;) {
      const op = peek('==') ?? peek('!=') ?? peek('<') ?? peek('<=') ?? peek('>') ?? peek('>=');
      if (!op) return left;
      pos++;
      const right = unary();
      if (op.v === '==') left = equals(left, right);
      else if (op.v === '!=') left = !equals(left, right);
      else {
        const [a, b] =
          typeof left === 'string' && typeof right === 'string'
            ? [left.toLowerCase(), right.toLowerCase()]
            : [toNumber(left), toNumber(right)];
        left = op.v === '<' ? a < b : op.v === '<=' ? a <= b : op.v === '>' ? a > b : a >= b;
      }
    }
  }
  function and(): Value {
    let left = comparison();
    while (peek('&&')) {
      pos++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }
  function or(): Value {
    let left = and();
    while (peek('||')) {
      pos++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  const result = or();
  if (pos !== tokens.length) throw new Error(`trailing tokens in expression: ${src}`);
  return result;
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

/**
 * Expand `${{ … }}` in a YAML value. A string that is exactly one expression yields the raw value (so
 * `${{ fromJSON(…) }}` gives an object); otherwise each expression is interpolated as a string.
 */
export function expand(value: Value, ctx: ExpressionContext): Value {
  if (typeof value !== 'string') return value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], ctx);
  return value.replace(TEMPLATE, (_m, expr: string) => stringify(evaluate(expr, ctx)));
}

/** Evaluate an `if:` condition; without a status function it is implicitly `success() && (…)`. */
export function condition(raw: unknown, ctx: ExpressionContext): boolean {
  if (raw === undefined || raw === null) return ctx.status.success();
  if (typeof raw === 'boolean') return raw && ctx.status.success();
  let src = String(raw).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(src);
  if (wrapped) src = wrapped[1];
  const usesStatus = /\b(success|failure|always|cancelled)\s*\(/i.test(src);
  return truthy(evaluate(usesStatus ? src : `success() && (${src})`, ctx));
}
