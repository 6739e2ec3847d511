// Homework progress as reminders need it: the recipient's own projects fresh from the store, the workshop-wide
// completion count (the social-proof line) shared for a few seconds across a fan-out.
import { type HomeworkProgress, homeworkProgress } from "../../core/homework/progress.ts";
import type { Project } from "../../core/model/domain.ts";
import type { Completion } from "../../core/reminders/messages.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import { workshopProgress } from "../homework/workshop-progress.ts";

export interface OwnProjectProgress {
  project: Project;
  progress: HomeworkProgress;
}

export async function ownProjectsProgress(
  repos: Repositories,
  workshopId: string,
  personId: string,
): Promise<OwnProjectProgress[]> {
  const projects = await repos.projects.ofMember(workshopId, personId);
  return Promise.all(
    projects.map(async (project) => {
      const [results, interests] = await Promise.all([
        repos.results.listForProject(project.id),
        repos.interests.listForProject(project.id),
      ]);
      return { project, progress: homeworkProgress(results, interests.length) };
    }),
  );
}

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
