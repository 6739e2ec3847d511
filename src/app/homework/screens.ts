// What partners see of their homework: the overview panel with its steps' buttons, the steps' forms, the home view.
import { interestKindNames, interestLevelNames } from "../../core/forms/homework.ts";
import type { FormSpec } from "../../core/forms/spec.ts";
import { deadlineText } from "../../core/homework/deadline.ts";
import { phaseText } from "../../core/homework/phase.ts";
import {
  projectProgressText,
  resultProgress,
  resultProgressText,
  workshopProgressText,
} from "../../core/homework/progress.ts";
import type { Workshop } from "../../core/model/domain.ts";
import type { Block, Button } from "../../core/screens/blocks.ts";
import { type FormScreen, type PanelScreen, pagedBlocks } from "../../core/screens/screens.ts";
import { rich } from "../../core/screens/text.ts";
import { homeActions, homeworkActions, homeworkScreens } from "./actions.ts";
import type { HomeworkOverview, ResultListStep } from "./answer.ts";
import type { FacilitatorHome, HomeData } from "./status.ts";

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
        ? interests.flatMap((interest): Block[] => [
            { kind: "text", text: line(interest) },
            {
              kind: "buttons",
              buttons: [
                { actionId: homeworkActions.changeInterest, label: "Change", value: interest.resultId },
                {
                  actionId: homeworkActions.removeInterest,
                  label: "Remove",
                  value: interest.resultId,
                  style: "danger",
                  confirm: `Remove ${project.acronym}'s interest in ${interest.targetLabel}?`,
                },
              ],
            },
          ])
        : [{ kind: "list", items: interests.map((interest) => ({ text: line(interest) })) }];
  const tail: Block[] = editable
    ? [
        {
          kind: "buttons",
          buttons: [{ actionId: homeworkActions.interest, label: "Add an interest", value: project.id }],
        },
      ]
    : [];
  const unit = editable && interests.length > 0 ? 2 : 1;
  const paged = pagedBlocks({ head, body, tail, page, pagerActionId: homeworkActions.overviewPage, unit });
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
      characterised: step.characterised,
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

/** Step 3: an interest in another project's result; `replacing`: the interest it was opened to change. */
export function interestScreen(projectId: string, form: FormSpec, replacing?: string): FormScreen {
  return { kind: "form", form, context: { project: projectId, ...(replacing ? { replacing } : {}) } };
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
  if (data.facilitator) blocks.push(...facilitatorBlocks(workshop, data.facilitator, now, timeZone));
  return home(blocks);
}

/**
 * A facilitator's part of the home: the workshop's state in words and their next actions, one highlighted. The
 * buttons do what the commands of /cluster help do.
 */
function facilitatorBlocks(workshop: Workshop, data: FacilitatorHome, now: Date, timeZone: string): Block[] {
  const { projects, failedDeliveries } = data;
  const blocks: Block[] = [
    { kind: "divider" },
    { kind: "heading", text: "You facilitate this workshop" },
    {
      kind: "text",
      text: workshop.homeworkDeadline
        ? rich`${phaseText(workshop.phase)}. Homework deadline: ${deadlineText(workshop.homeworkDeadline, now, timeZone)}.`
        : `${phaseText(workshop.phase)}. No homework deadline yet, so no reminders are sent.`,
    },
    {
      kind: "text",
      text:
        projects.length === 0
          ? "No projects yet."
          : workshop.phase === "setup"
            ? `${projects.length} project${projects.length === 1 ? "" : "s"}: their members are invited when you open the homework.`
            : `Homework: ${workshopProgressText(projects)}.`,
    },
  ];
  if (failedDeliveries > 0)
    blocks.push({
      kind: "text",
      text: `⚠️ ${failedDeliveries === 1 ? "1 message" : `${failedDeliveries} messages`} could not be delivered: Status lists who and why.`,
    });
  const next = facilitatorNextStep(workshop, projects.length, now);
  blocks.push({ kind: "text", title: "Next", text: next.text });
  const buttons = facilitatorButtons(workshop, projects.length).map((button) =>
    button.actionId === next.actionId ? { ...button, style: "primary" as const } : button,
  );
  if (buttons.length > 0) blocks.push({ kind: "buttons", buttons });
  blocks.push({ kind: "context", text: "/cluster help lists every command you can use." });
  return blocks;
}

function facilitatorNextStep(workshop: Workshop, projects: number, now: Date): { text: string; actionId?: string } {
  const deadlinePassed = workshop.homeworkDeadline !== null && workshop.homeworkDeadline <= now;
  switch (workshop.phase) {
    case "setup":
      return projects === 0
        ? { text: "Add the workshop's projects and their members.", actionId: homeActions.addProject }
        : { text: "Open the homework: every project member is invited.", actionId: homeActions.openHomework };
    case "homework":
      return deadlinePassed
        ? { text: "The deadline has passed: cluster the results with /cluster analyze." }
        : { text: "Follow the homework; nudge those behind with /cluster remind.", actionId: homeActions.status };
    case "analysis":
      return { text: "Review the clusters (/cluster review), then announce them (/cluster announce)." };
    case "announced":
    case "working":
      return { text: "The working groups are meeting; /cluster status shows the workshop." };
    case "closed":
      return { text: "The workshop is closed." };
  }
}

function facilitatorButtons(workshop: Workshop, projects: number): Button[] {
  const status: Button = { actionId: homeActions.status, label: "Status", value: workshop.id };
  if (workshop.phase !== "setup" && workshop.phase !== "homework") return [status];
  return [
    { actionId: homeActions.setup, label: "Settings", value: workshop.id },
    { actionId: homeActions.addProject, label: "Add a project", value: workshop.id },
    ...(workshop.phase === "setup" && projects > 0
      ? [
          {
            actionId: homeActions.openHomework,
            label: "Open homework",
            value: workshop.id,
            confirm: `Invite every member of the ${projects} project${projects === 1 ? "" : "s"} to their homework now?`,
          },
        ]
      : []),
    status,
  ];
}
