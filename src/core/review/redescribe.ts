// Which clusters an edit of the review changes, and the results each has afterwards: the engine describes them again
// from these members (a result that left is no longer counted or named, one that came is). No I/O.

export type MembershipChange =
  | { kind: "move"; resultId: string; to: string | null }
  | { kind: "merge"; from: string; into: string }
  | { kind: "split"; clusterId: string; resultIds: readonly string[] }
  | { kind: "rename" | "drop" | "approve" };

export interface ChangedMembers {
  /** The clusters that stay, with their results after the edit. */
  clusters: { id: string; resultIds: string[] }[];
  /** The results of the cluster a split creates. */
  created?: string[];
}

export function membersAfter(
  clusters: readonly { id: string; resultIds: readonly string[] }[],
  change: MembershipChange,
): ChangedMembers {
  const membersOf = (id: string) => [...(clusters.find((cluster) => cluster.id === id)?.resultIds ?? [])];
  switch (change.kind) {
    case "move": {
      const left = clusters
        .filter((cluster) => cluster.id !== change.to && cluster.resultIds.includes(change.resultId))
        .map((cluster) => ({ id: cluster.id, resultIds: cluster.resultIds.filter((id) => id !== change.resultId) }));
      const to = change.to;
      const joined = to ? [{ id: to, resultIds: [...new Set([...membersOf(to), change.resultId])] }] : [];
      return { clusters: [...left, ...joined] };
    }
    case "merge":
      return {
        clusters: [
          { id: change.into, resultIds: [...new Set([...membersOf(change.into), ...membersOf(change.from)])] },
        ],
      };
    case "split": {
      const source = membersOf(change.clusterId);
      const leaving = new Set(change.resultIds);
      return {
        clusters: [{ id: change.clusterId, resultIds: source.filter((id) => !leaving.has(id)) }],
        created: source.filter((id) => leaving.has(id)),
      };
    }
    default:
      return { clusters: [] };
  }
}

/**
 * The label a cluster takes from the engine after an edit of its members: the engine's new one, unless it names the
 * same terms as the current one (only their order changed), so a label never shuffles under the facilitators' eyes.
 */
export function labelAfter(current: string, engine: string): string {
  const terms = (label: string) => [...new Set(label.split(" · ").map((term) => term.trim()))].sort().join("\u0000");
  return terms(current) === terms(engine) ? current : engine;
}
