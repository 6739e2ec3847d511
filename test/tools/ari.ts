/** Adjusted Rand index between two labelings of the same items (1 = identical, ~0 = chance). */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const contingency = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    contingency.set(`${t}\u0000${p}`, (contingency.get(`${t}\u0000${p}`) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  });
  const index = [...contingency.values()].reduce((s, n) => s + pairs(n), 0);
  const rowSum = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const colSum = [...cols.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (rowSum * colSum) / pairs(truth.length);
  const max = (rowSum + colSum) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Labels from an analysis: each clustered result gets its cluster id, each unclustered one a label of its own. */
export function predictedLabels(
  ids: readonly string[],
  analysis: { clusters: { id: string; results: string[] }[] },
): string[] {
  const clusterOf = new Map<string, string>();
  for (const cluster of analysis.clusters)
    for (const r of cluster.results) if (!clusterOf.has(r)) clusterOf.set(r, cluster.id);
  return ids.map((id) => clusterOf.get(id) ?? `alone:${id}`);
}
