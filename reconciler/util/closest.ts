/** Did-you-mean hints: the allowed value closest to a typo (edit distance). */

/** The allowed value closest to a typo, as a hint. */
export function closest(value: string, allowed: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  const best = allowed.map((a) => ({ a, d: levenshtein(a.toLowerCase(), v) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(best.a.length / 3)) ? `did you mean "${best.a}"?` : undefined;
}

export function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  return (d[a.length] as number[])[b.length] as number;
}
