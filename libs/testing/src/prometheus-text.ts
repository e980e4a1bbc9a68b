/**
 * The values of one metric in Prometheus's text exposition (what `/metrics` answers), for the samples whose labels
 * include every label given — in the order they appear.
 */
export function metricSamples(text: string, name: string, labels: Record<string, string> = {}): number[] {
  const values: number[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/u.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/\b(\w+)="((?:[^"\\]|\\.)*)"/gu)].map((m) => [m[1]!, m[2]!]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) values.push(Number(match[3]));
  }
  return values;
}
