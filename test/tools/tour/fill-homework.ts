// The homework the tour does not play through the forms (it shows one partner's once): a project's results,
// characterised and submitted straight through the repositories, with the end-to-end tests' texts.
import type { Repositories } from "../../../src/store/repositories/index.ts";
import { characterisation, homework } from "../../support/workshop-homework.ts";

export type Answer = readonly [title: string, description: string, keywords: readonly string[]];

/** Characterises and submits the project's results named in `answers`; `listed: false` lists them first. */
export async function fillHomework(
  repos: Repositories,
  projectId: string,
  answers: readonly Answer[],
  listed = false,
): Promise<void> {
  // The hostile title of the end-to-end tests is theirs: the tour shows a plain one.
  const shown = answers.map(([title, description, keywords]) => ({
    title: title.replace("<!channel> ", ""),
    description,
    keywords: [...keywords],
  }));
  if (!listed)
    await repos.results.replaceList(
      projectId,
      shown.map(({ title }) => ({ title })),
    );
  for (const result of await repos.results.listForProject(projectId)) {
    const answer = shown.find(({ title }) => title === result.title);
    if (answer)
      await repos.results.characterise(result.id, characterisation(answer.description, answer.keywords), "submitted");
  }
}

/** Ana's second result in the tour, described so that it clusters with the sensor kit. */
export const edgeAnalytics: Answer = [
  "Edge analytics",
  "Edge analytics of vibration trends that schedule predictive maintenance of machines from condition alarms",
  ["predictive maintenance", "condition monitoring"],
];

/** Ana's first result in the tour, with the end-to-end tests' vibration sensor kit's description. */
export const sensorKit: Answer = ["Sensor kit", homework.ALPHA![0]![1], homework.ALPHA![0]![2]];

/**
 * The rest of the workshop's homework once Ana has shown hers: her other `alphaAnswers` (on the results she
 * listed), BETA's list, and a third project, GAMMA, with Cleo as its member (`cleo`: her platform user id).
 */
export async function finishHomework(
  repos: Repositories,
  workspaceId: string,
  workshopId: string,
  cleo: string,
  alphaAnswers: readonly Answer[],
): Promise<void> {
  const projects = await repos.projects.list(workshopId);
  const member = await repos.people.ensure(workspaceId, cleo, { displayName: "Cleo Partner" });
  const gamma = await repos.projects.create(workshopId, {
    acronym: "GAMMA",
    title: "Factory layouts",
    partners: ["GAMMA University"],
    memberIds: [member.id],
  });
  const project = (acronym: string) => projects.find((candidate) => candidate.acronym === acronym)!;
  await fillHomework(repos, project("ALPHA").id, alphaAnswers, true);
  await fillHomework(repos, project("BETA").id, homework.BETA!);
  await fillHomework(repos, gamma.id, homework.GAMMA!);
}
