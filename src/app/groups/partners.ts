// The workshop's partners as the work-plan parser matches them: each project by its acronym (and title), each
// partner organisation by its name.
import type { Partner } from "../../core/workplan/partners.ts";
import type { Repositories } from "../../store/repositories/index.ts";

export async function workshopPartners(repos: Repositories, workshopId: string): Promise<Partner[]> {
  const projects = await repos.workingGroups.partners(workshopId);
  const partners: Partner[] = [];
  const seen = new Set<string>();
  for (const project of projects) {
    partners.push({ name: project.acronym, aliases: [project.title] });
    seen.add(project.acronym);
  }
  for (const organisation of projects.flatMap((project) => project.partners)) {
    if (seen.has(organisation.name)) continue;
    seen.add(organisation.name);
    partners.push({ name: organisation.name, aliases: [] });
  }
  return partners;
}

/** The projects a partner stands for: by acronym, or the projects an organisation is a partner of. */
export async function projectsOfPartner(repos: Repositories, workshopId: string, name: string): Promise<string[]> {
  const projects = await repos.workingGroups.partners(workshopId);
  return projects
    .filter((project) => project.acronym === name || project.partners.some((partner) => partner.name === name))
    .map((project) => project.id);
}
