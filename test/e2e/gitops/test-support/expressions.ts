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

function callFunction(name: string, args: Value[], ctx: ExpressionContext, src: string): Value {
  const text = (i: number) => stringify(args[i]).toLowerCase();
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
      return Array.isArray(args[0]) ? args[0].some((x) => equals(x, args[1])) : text(0).includes(text(1));
    case 'startswith':
      return text(0).startsWith(text(1));
    case 'endswith':
      return text(0).endsWith(text(1));
    case 'format':
      return stringify(args[0]).replace(/\{(\d+)\}/g, (_m, n: string) => stringify(args[Number(n) + 1]));
    default:
      throw new Error(`unsupported function ${name}() in expression: ${src}`);
  }
}

function compare(op: string, left: Value, right: Value): boolean {
  if (op === '==') return equals(left, right);
  if (op === '!=') return !equals(left, right);
  const [a, b] =
    typeof left === 'string' && typeof right === 'string'
      ? [left.toLowerCase(), right.toLowerCase()]
      : [toNumber(left), toNumber(right)];
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

/** A recursive-descent parser that evaluates as it parses: or → and → comparison → unary → primary. */
class Evaluator {
  private pos = 0;
  private readonly tokens: ReturnType<typeof tokenize>;

  constructor(
    private readonly src: string,
    private readonly ctx: ExpressionContext,
  ) {
    this.tokens = tokenize(src);
  }

  run(): Value {
    const result = this.or();
    if (this.pos !== this.tokens.length) throw new Error(`trailing tokens in expression: ${this.src}`);
    return result;
  }

  private peek(v?: string) {
    const tok = this.tokens[this.pos];
    return tok && tok.t === 'op' && (v === undefined || tok.v === v) ? tok : undefined;
  }

  private expect(v: string): void {
    if (!this.peek(v)) throw new Error(`expected "${v}" in expression: ${this.src}`);
    this.pos++;
  }

  private primary(): Value {
    const tok = this.tokens[this.pos++];
    if (!tok) throw new Error(`unexpected end of expression: ${this.src}`);
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t === 'op' && tok.v === '(') {
      const v = this.or();
      this.expect(')');
      return v;
    }
    if (tok.t === 'op' && tok.v === '!') return !truthy(this.unary());
    if (tok.t !== 'id') throw new Error(`unexpected "${tok.v}" in expression: ${this.src}`);
    if (tok.v === 'true') return true;
    if (tok.v === 'false') return false;
    if (tok.v === 'null') return null;
    if (this.peek('(')) {
      this.pos++;
      return callFunction(tok.v, this.args(), this.ctx, this.src);
    }
    return this.access(property(this.ctx.contexts, tok.v));
  }

  /** The arguments of a call, after its "(" and through its ")". */
  private args(): Value[] {
    const args: Value[] = [];
    if (!this.peek(')')) {
      args.push(this.or());
      while (this.peek(',')) {
        this.pos++;
        args.push(this.or());
      }
    }
    this.expect(')');
    return args;
  }

  /** `.name` and `[expr]` after a context or property. */
  private access(start: Value): Value {
    let v = start;
    for (;;) {
      if (this.peek('.')) {
        this.pos++;
        const name = this.tokens[this.pos++];
        if (name?.t !== 'id') throw new Error(`expected a property name in expression: ${this.src}`);
        v = property(v, name.v);
      } else if (this.peek('[')) {
        this.pos++;
        const key = this.or();
        this.expect(']');
        v = property(v, stringify(key));
      } else return v;
    }
  }

  private unary(): Value {
    if (this.peek('!')) {
      this.pos++;
      return !truthy(this.unary());
    }
    return this.primary();
  }

  private comparison(): Value {
    let left = this.unary();
    for (;;) {
      const op =
        this.peek('==') ?? this.peek('!=') ?? this.peek('<') ?? this.peek('<=') ?? this.peek('>') ?? this.peek('>=');
      if (!op) return left;
      this.pos++;
      left = compare(String(op.v), left, this.unary());
    }
  }

  private and(): Value {
    let left = this.comparison();
    while (this.peek('&&')) {
      this.pos++;
      const right = this.comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }

  private or(): Value {
    let left = this.and();
    while (this.peek('||')) {
      this.pos++;
      const right = this.and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
}

export function evaluate(src: string, ctx: ExpressionContext): Value {
  return new Evaluator(src, ctx).run();
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
