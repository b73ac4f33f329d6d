import type { Validator } from './schema';

/** Common attribute validators. Each returns a detail message; the summary names the attribute. */
export const validators = {
  matches:
    (re: RegExp, describe: string): Validator =>
    (v) =>
      typeof v === 'string' && !re.test(v) ? `"${v}" ${describe}` : undefined,
  oneOf:
    (allowed: readonly string[]): Validator =>
    (v) =>
      typeof v === 'string' && !allowed.includes(v)
        ? `"${v}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`
        : undefined,
  intBetween:
    (min: number, max: number): Validator =>
    (v) =>
      typeof v === 'number' && (!Number.isInteger(v) || v < min || v > max)
        ? `${v} must be a whole number from ${min} to ${max}`
        : undefined,
  lengthBetween:
    (min: number, max: number): Validator =>
    (v) => {
      const n = typeof v === 'string' ? [...v].length : Array.isArray(v) ? v.length : undefined;
      return n !== undefined && (n < min || n > max) ? `length ${n} is outside ${min}..${max}` : undefined;
    },
} as const;
