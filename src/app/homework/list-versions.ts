// The newest version of each project's list of results this process has seen (opened, saved, or refused as stale).
// The results step is answered before it is saved, from what its form carries and no I/O; a form opened before a
// version this process already knows is stale for sure, so it is not answered early: the full handling refuses it
// and gives what was typed back in the form, instead of a "could not be saved" DM after the ack. (A save still
// waiting after its own ack, or made by another process, is caught by the store's version check: then the DM.)
import type { AppDependencies } from "../context.ts";

export interface ListVersions {
  seen(projectId: string, version: number): void;
  /** True when a newer version of the project's list than `version` is known. */
  isBehind(projectId: string, version: number): boolean;
}

const byRepos = new WeakMap<object, Map<string, number>>();

export function listVersionsOf(deps: Pick<AppDependencies, "repos">): ListVersions {
  let newest = byRepos.get(deps.repos);
  if (!newest) {
    newest = new Map();
    byRepos.set(deps.repos, newest);
  }
  const known = newest;
  return {
    seen(projectId, version) {
      if (version > (known.get(projectId) ?? -1)) known.set(projectId, version);
    },
    isBehind: (projectId, version) => (known.get(projectId) ?? -1) > version,
  };
}
