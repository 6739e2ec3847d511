// The workshop's homework in the clustering engine's interchange format: submitted results only (drafts are left
// out and listed, with the project's members, so facilitators know whom to ask).
import type { WorkshopInput } from "../../core/clustering/interchange.ts";
import type { ExploitableResult, Interest, Project } from "../../core/model/domain.ts";

export interface EngineInput {
  input: WorkshopInput;
  /** Projects with at least one submitted result. */
  projectsWithResults: string[];
  leftOut: { acronym: string; title: string; owners: string[] }[];
}

export function engineInput(
  workshopName: string,
  projects: readonly Project[],
  results: readonly ExploitableResult[],
  interests: readonly Interest[],
  memberNames: ReadonlyMap<string, string>,
): EngineInput {
  const submitted = results.filter((result) => result.status === "submitted");
  const submittedIds = new Set(submitted.map((result) => result.id));
  const projectById = new Map(projects.map((project) => [project.id, project]));
  const projectsWithResults = [...new Set(submitted.map((result) => result.projectId))];
  return {
    input: {
      workshop: { name: workshopName },
      projects: projects.map((project) => ({
        id: project.id,
        acronym: project.acronym,
        title: project.title,
        ...(project.summary ? { summary: project.summary } : {}),
      })),
      results: submitted.map((result) => ({
        id: result.id,
        project: result.projectId,
        title: result.title,
        ...(result.description ? { description: result.description } : {}),
        keywords: result.keywords,
        ...(result.type ? { type: result.type } : {}),
        ...(result.trlNow ? { trl: result.trlNow } : {}),
        ...(result.usp ? { usp: result.usp } : {}),
        ...(result.targetMarket ? { market: result.targetMarket } : {}),
        ...(result.needs ? { needs: result.needs } : {}),
      })),
      interests: interests
        .filter((interest) => submittedIds.has(interest.resultId))
        .map((interest) => ({
          project: interest.projectId,
          result: interest.resultId,
          level: interest.level,
          kind: interest.kind.replaceAll("_", "-") as NonNullable<WorkshopInput["interests"]>[number]["kind"],
          ...(interest.note ? { note: interest.note } : {}),
        })),
    },
    projectsWithResults: projectsWithResults.map((id) => projectById.get(id)?.acronym ?? id),
    leftOut: results
      .filter((result) => result.status !== "submitted")
      .map((result) => {
        const project = projectById.get(result.projectId);
        return {
          acronym: project?.acronym ?? "?",
          title: result.title,
          owners: (project?.memberIds ?? []).map((id) => memberNames.get(id) ?? "someone"),
        };
      }),
  };
}
