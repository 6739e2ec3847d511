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
 * The label a cluster takes from the engine after an edit of its members. A label is how facilitators find a cluster
 * in the review (and what its channel will be named), so it stays while it still names something the members share
 * (one of its terms is among their shared terms now); only a label none of whose terms hold any more takes the
 * engine's new one.
 */
export function labelAfter(current: string, engine: string, sharedTerms: readonly string[]): string {
  const terms = (label: string) => label.split(" · ").map((term) => term.trim().toLowerCase());
  const shared = new Set(sharedTerms.map((term) => term.toLowerCase()));
  return terms(current).some((term) => shared.has(term)) ? current : engine;
}
