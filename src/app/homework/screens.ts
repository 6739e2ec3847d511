// What partners see of their homework: the overview panel with its steps' buttons, the steps' forms, the home view.
import { interestKindNames, interestLevelNames } from "../../core/forms/homework.ts";
import type { FormSpec } from "../../core/forms/spec.ts";
import { deadlineText } from "../../core/homework/deadline.ts";
import { phaseText } from "../../core/homework/phase.ts";
import { projectProgressText, resultProgress, resultProgressText } from "../../core/homework/progress.ts";
import type { Block } from "../../core/screens/blocks.ts";
import { type FormScreen, type PanelScreen, pagedBlocks } from "../../core/screens/screens.ts";
import { rich } from "../../core/screens/text.ts";
import { homeworkActions, homeworkScreens } from "./actions.ts";
import type { HomeworkOverview, ResultListStep } from "./answer.ts";
import type { HomeData } from "./status.ts";

/** A project's homework: what is left, its results (each to characterise), its interests (each removable). */
export function overviewScreen(overview: HomeworkOverview, page = 0): PanelScreen {
  const { project, progress, editable, workshop, results, interests } = overview;
  const head: Block[] = [
    {
      kind: "text",
      title: `${project.acronym}: ${project.title}`,
      text: progress.done
        ? `Your homework is complete. Thank you! (${projectProgressText(progress)})`
        : `${projectProgressText(progress)}. Next: ${progress.nextStep}.`,
    },
    ...(editable ? [] : [{ kind: "context" as const, text: "Read-only: the homework deadline has passed." }]),
    { kind: "heading", text: `Exploitable results (${results.length} of ${workshop.maxResultsPerProject})` },
    ...results.map(
      (result): Block => ({
        kind: "text",
        title: result.title,
        text: resultProgressText(resultProgress(result)),
        ...(editable
          ? { button: { actionId: homeworkActions.characterise, label: "Characterise", value: result.id } }
          : {}),
      }),
    ),
    ...(editable
      ? [
          {
            kind: "buttons" as const,
            buttons: [
              {
                actionId: homeworkActions.results,
                label: results.length > 0 ? "Edit the list" : "List results",
                value: project.id,
              },
            ],
          },
        ]
      : []),
    { kind: "heading", text: `Interest in other projects' results (${interests.length})` },
  ];
  const line = (interest: HomeworkOverview["interests"][number]) =>
    `${interest.targetLabel}: ${interestLevelNames[interest.level]}, ${interestKindNames[interest.kind]}` +
    (interest.note ? ` (${interest.note})` : "");
  const body: Block[] =
    interests.length === 0
      ? [{ kind: "context", text: "None given yet." }]
      : editable
        ? interests.map((interest) => ({
            kind: "text",
            text: line(interest),
            button: {
              actionId: homeworkActions.removeInterest,
              label: "Remove",
              value: interest.resultId,
              style: "danger",
              confirm: `Remove ${project.acronym}'s interest in ${interest.targetLabel}?`,
            },
          }))
        : [{ kind: "list", items: interests.map((interest) => ({ text: line(interest) })) }];
  const tail: Block[] = editable
    ? [
        {
          kind: "buttons",
          buttons: [{ actionId: homeworkActions.interest, label: "Add or change an interest", value: project.id }],
        },
      ]
    : [];
  const paged = pagedBlocks({ head, body, tail, page, pagerActionId: homeworkActions.overviewPage });
  return {
    kind: "panel",
    id: homeworkScreens.overview,
    title: `Homework: ${project.acronym}`,
    blocks: paged.blocks,
    closeLabel: "Close",
    context: { project: project.id, page: paged.page },
  };
}

/** Step 1: the project's results, one slot each; the context lets the answer be checked before it is saved. */
export function resultListScreen(projectId: string, step: ResultListStep): FormScreen {
  return {
    kind: "form",
    form: step.form,
    context: {
      project: projectId,
      slots: step.slotResultIds.map((id) => id ?? null),
      limit: step.limit,
      version: step.version,
    },
  };
}

/** Step 2: one result's characterisation, opened at `version`; closing it keeps a draft. */
export function characterisationScreen(
  projectId: string,
  resultId: string,
  form: FormSpec,
  version: number,
): FormScreen {
  return { kind: "form", form, notifyOnClose: true, context: { project: projectId, result: resultId, version } };
}

/** Step 3: an interest in another project's result. */
export function interestScreen(projectId: string, form: FormSpec): FormScreen {
  return { kind: "form", form, context: { project: projectId } };
}

/** The person's home: the deadline in their time, their projects' progress, and the one next step highlighted. */
export function homeScreen(data: HomeData): PanelScreen {
  const home = (blocks: Block[]): PanelScreen => ({ kind: "panel", id: "home", title: "Home", blocks, context: {} });
  const { workshop, now, timeZone } = data;
  if (!workshop)
    return home([{ kind: "text", text: "No workshop is running here. A facilitator starts one with /cluster setup." }]);
  const open = workshop.phase === "homework";
  const blocks: Block[] = [
    { kind: "heading", text: workshop.name },
    {
      kind: "text",
      text: open
        ? rich`Homework deadline: ${deadlineText(workshop.homeworkDeadline, now, timeZone)}.`
        : `${phaseText(workshop.phase)}.`,
    },
  ];
  if (data.projects.length === 0)
    blocks.push({ kind: "text", text: "You are not a member of any project in this workshop." });
  const next = data.projects.find(({ progress }) => !progress.done);
  for (const { project, progress } of data.projects.slice(0, 40)) {
    const highlighted = open && project.id === next?.project.id;
    blocks.push({
      kind: "text",
      title: project.acronym,
      text:
        progress.nextStep && open
          ? `${projectProgressText(progress)}. Next: ${progress.nextStep}.`
          : projectProgressText(progress),
      ...(open
        ? {
            button: {
              actionId: homeworkActions.start,
              label: highlighted ? "Continue homework" : "Open homework",
              value: project.id,
              ...(highlighted ? { style: "primary" as const } : {}),
            },
          }
        : {}),
    });
  }
  if (data.isFacilitator)
    blocks.push({ kind: "context", text: "You facilitate this workshop: /cluster help lists what you can do." });
  return home(blocks);
}
