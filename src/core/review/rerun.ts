// What adopting a new analysis would change in a review the facilitators have edited: said before anything is
// thrown away.

export interface ClusterOutline {
  label: string;
  resultIds: string[];
  edited: boolean;
}

export interface RerunChanges {
  /** Clusters a facilitator edited (renamed, moved into, merged, split) that the new suggestion would replace. */
  editedLost: string[];
  /** Labels of the new suggestion. */
  newLabels: string[];
  /** Results that would change cluster (or leave or join one). */
  movedResults: number;
}

export function rerunChanges(current: readonly ClusterOutline[], next: readonly ClusterOutline[]): RerunChanges {
  const key = (ids: readonly string[]) => [...ids].sort().join(",");
  const nextKeys = new Set(next.map((cluster) => key(cluster.resultIds)));
  const everyResult = new Set([...current, ...next].flatMap((cluster) => cluster.resultIds));
  const movedResults = [...everyResult].filter((id) => {
    const now = current.find((cluster) => cluster.resultIds.includes(id));
    const then = next.find((cluster) => cluster.resultIds.includes(id));
    if (!now || !then) return now !== then;
    // Same company of results: not moved, whatever the labels.
    const others = (ids: readonly string[]) => key(ids.filter((other) => other !== id));
    return others(now.resultIds) !== others(then.resultIds);
  }).length;
  return {
    editedLost: current
      .filter((cluster) => cluster.edited && !nextKeys.has(key(cluster.resultIds)))
      .map((cluster) => cluster.label),
    newLabels: next.map((cluster) => cluster.label),
    movedResults,
  };
}
