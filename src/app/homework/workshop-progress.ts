import { type HomeworkProgress, homeworkProgress } from "../../core/homework/progress.ts";
import type { Project } from "../../core/model/domain.ts";
import type { Repositories } from "../../store/repositories/index.ts";

export interface ProjectProgress {
  project: Project;
  progress: HomeworkProgress;
}

/** Every project's homework progress in one pass (three queries, whatever the number of projects). */
export async function workshopProgress(repos: Repositories, workshopId: string): Promise<ProjectProgress[]> {
  const [projects, results, interests] = await Promise.all([
    repos.projects.list(workshopId),
    repos.results.listForWorkshop(workshopId),
    repos.interests.listForWorkshop(workshopId),
  ]);
  return projects.map((project) => ({
    project,
    progress: homeworkProgress(
      results.filter((result) => result.projectId === project.id),
      interests.filter((interest) => interest.projectId === project.id).length,
    ),
  }));
}

/** The homework progress of one person's own projects in a workshop (two queries per project, nothing else). */
export async function memberProjectsProgress(
  repos: Repositories,
  workshopId: string,
  personId: string,
): Promise<ProjectProgress[]> {
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
