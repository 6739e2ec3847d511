// The workshop-wide completion count (the social-proof line) reminders carry, shared for a few seconds across a
// fan-out.
import type { Completion } from "../../core/reminders/messages.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import { workshopProgress } from "../homework/workshop-progress.ts";

export interface CompletionCounter {
  completion(workshopId: string): Promise<Completion>;
}

/** Workshop completion, computed at most once per `maxAgeMs` per workshop in this process. */
export function completionCounter(repos: Repositories, now: () => number, maxAgeMs = 10_000): CompletionCounter {
  const cache = new Map<string, { at: number; value: Promise<Completion> }>();
  return {
    completion(workshopId) {
      const cached = cache.get(workshopId);
      if (cached && now() - cached.at < maxAgeMs) return cached.value;
      const value = workshopProgress(repos, workshopId).then((projects) => ({
        done: projects.filter(({ progress }) => progress.done).length,
        total: projects.length,
      }));
      value.catch(() => cache.delete(workshopId));
      cache.set(workshopId, { at: now(), value });
      return value;
    },
  };
}
