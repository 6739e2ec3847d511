// Type-ahead over other projects' results, cheap per keystroke: the workshop's "ACRONYM: title" labels are built once
// into an index kept per workshop (dropped when projects or results change here, and rebuilt at most every
// `maxAgeMs` so another replica's changes show up), the caller's membership is remembered as briefly, and each
// person gets a few suggestion requests per second (a flood of keystrokes gets empty lists, without any query).
// Before, every keystroke loaded every project and result of the workshop on the thread that acknowledges requests.
import type { InterestTarget } from "../../core/forms/homework.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { AppDependencies } from "../context.ts";

export interface InterestIndexOptions {
  /** How long an index (and a remembered membership) is trusted; default 10 s. */
  maxAgeMs?: number;
  /** Suggestion requests a person may make in a burst, and per second after it; default 10 and 5. */
  burst?: number;
  perSecond?: number;
  /** Workshops and memberships remembered; beyond, the oldest are forgotten. Default 1 000 and 50 000. */
  maxWorkshops?: number;
  maxMemberships?: number;
}

interface Entry extends InterestTarget {
  projectId: string;
  /** The label in lower case, for matching. */
  folded: string;
}

interface Built {
  at: number;
  entries: Promise<Entry[]>;
}

export interface InterestIndex {
  /** Up to `limit` targets for `query` outside `ownProjectId`, in label order. */
  search(workshopId: string, ownProjectId: string, query: string, limit?: number): Promise<InterestTarget[]>;
  /** Whether the person may run another search now (token bucket per person). */
  allow(personId: string): boolean;
  /**
   * The workshop a person may search from this project: remembered from a successful `check` (which refuses
   * otherwise, and is not remembered then).
   */
  scope(projectId: string, personId: string, check: () => Promise<string>): Promise<string>;
  /** Projects or results of this workshop changed: the next search rebuilds. */
  invalidate(workshopId: string): void;
}

export function createInterestIndex(
  repos: Repositories,
  now: () => number,
  options: InterestIndexOptions = {},
): InterestIndex {
  const maxAgeMs = options.maxAgeMs ?? 10_000;
  const burst = options.burst ?? 10;
  const perSecond = options.perSecond ?? 5;
  const maxWorkshops = options.maxWorkshops ?? 1_000;
  const maxMemberships = options.maxMemberships ?? 50_000;
  const built = new Map<string, Built>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  const memberships = new Map<string, { workshopId: string; at: number }>();

  async function build(workshopId: string): Promise<Entry[]> {
    const [projects, results] = await Promise.all([
      repos.projects.list(workshopId),
      repos.results.listForWorkshop(workshopId),
    ]);
    const acronyms = new Map(projects.map((project) => [project.id, project.acronym]));
    return results
      .map((result) => {
        const label = `${acronyms.get(result.projectId) ?? "?"}: ${result.title}`;
        return { resultId: result.id, projectId: result.projectId, label, folded: label.toLowerCase() };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  function entriesOf(workshopId: string): Promise<Entry[]> {
    const time = now();
    const current = built.get(workshopId);
    if (current && time - current.at < maxAgeMs) return current.entries;
    const entries = build(workshopId);
    // A failed build is not kept: the next keystroke tries again.
    entries.catch(() => built.get(workshopId)?.entries === entries && built.delete(workshopId));
    built.delete(workshopId);
    if (built.size >= maxWorkshops) built.delete(built.keys().next().value ?? "");
    built.set(workshopId, { at: time, entries });
    return entries;
  }

  return {
    async search(workshopId, ownProjectId, query, limit = 100) {
      const needle = query.trim().toLowerCase();
      const found: InterestTarget[] = [];
      for (const entry of await entriesOf(workshopId)) {
        if (entry.projectId === ownProjectId || !entry.folded.includes(needle)) continue;
        found.push({ resultId: entry.resultId, label: entry.label });
        if (found.length >= limit) break;
      }
      return found;
    },

    allow(personId) {
      const time = now();
      const bucket = buckets.get(personId) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      if (!buckets.has(personId) && buckets.size >= maxMemberships) buckets.clear();
      buckets.set(personId, bucket);
      return allowed;
    },

    async scope(projectId, personId, check) {
      const key = `${projectId}\u0000${personId}`;
      const time = now();
      const known = memberships.get(key);
      if (known && time - known.at < maxAgeMs) return known.workshopId;
      const workshopId = await check();
      if (memberships.size >= maxMemberships) memberships.clear();
      memberships.set(key, { workshopId, at: time });
      return workshopId;
    },

    invalidate(workshopId) {
      built.delete(workshopId);
    },
  };
}

// One index per app (its repositories), so tests with several apps in one process do not share one.
const indexes = new WeakMap<Repositories, InterestIndex>();

export function interestIndexOf(deps: AppDependencies): InterestIndex {
  let index = indexes.get(deps.repos);
  if (!index) {
    // Wall time, not the app's clock: these are costs and rates, and a test's frozen clock must not freeze them.
    index = createInterestIndex(deps.repos, () => performance.now());
    indexes.set(deps.repos, index);
  }
  return index;
}
