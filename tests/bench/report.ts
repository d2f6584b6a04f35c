/** How benchmarks report: one JSON line per figure, medians over repeated runs. */

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (n: number) => Math.round(n * 100) / 100;

export function emit(name: string, samples: number[], extra: Record<string, unknown> = {}): void {
  console.log(
    JSON.stringify({
      name,
      median_ms: round(median(samples)),
      min_ms: round(Math.min(...samples)),
      max_ms: round(Math.max(...samples)),
      runs: samples.length,
      ...extra,
    }),
  );
}
