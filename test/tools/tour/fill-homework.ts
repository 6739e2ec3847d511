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
