// Partners' homework as routes: buttons open the overview and push its steps; a submitted step is saved and the
// form closes onto the refreshed overview; closing the characterisation keeps a draft. Facilitators' homework
// commands (open, reopen, status) too.
import { z } from "zod";
import { parseResultList } from "../../core/forms/homework.ts";
import { readContext, type ScreenContext } from "../../core/screens/context.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { SubmitInteraction } from "../interaction/interaction.ts";
import { type Reply, reply } from "../interaction/reply.ts";
import { onAction, onClosed, onCommand, onHome, onSubmit, onSuggest, type Route } from "../interaction/router.ts";
import { Refusal } from "../refusal.ts";
import { projectToContinue } from "../workshop/lifecycle.ts";
import { homeworkActions } from "./actions.ts";
import {
  characterisationFormFor,
  homeworkOverview,
  interestFormFor,
  keepCharacterisationDraft,
  removeInterest,
  resultListFormFor,
  type Saved,
  searchInterestTargets,
  submitCharacterisation,
  submitInterest,
  submitResultList,
} from "./answer.ts";
import { homeworkOpenedMessage, reopenedMessage, statusMessage } from "./messages.ts";
import { openHomework, sendHomeworkInvitations } from "./open.ts";
import { reopenHomework } from "./reopen.ts";
import { characterisationScreen, homeScreen, interestScreen, overviewScreen, resultListScreen } from "./screens.ts";
import { homeData, statusReport } from "./status.ts";

const onProject = z.object({ project: z.string() });
const onOverviewPage = z.object({ project: z.string(), page: z.number().int().nonnegative().default(0) });
const onResult = z.object({ project: z.string(), result: z.string() });
const resultSlots = z.object({
  project: z.string(),
  slots: z.array(z.string().nullable()),
  limit: z.number().int().positive(),
});

/** What the screen carries, or a refusal when it lacks it (a forged or outdated payload). */
function carried<T>(context: ScreenContext, schema: z.ZodType<T>): T {
  const read = readContext(context, schema);
  if (!read) throw new Refusal("not_found", "This screen is out of date. Please close it and start again.");
  return read;
}

const projectOf = (context: ScreenContext) => carried(context, onProject).project;

async function overview(deps: AppDependencies, actor: Actor, projectId: string, page = 0) {
  return overviewScreen(await homeworkOverview(deps, actor, projectId), page);
}

/** A step saved: back to the refreshed overview; not saved: the errors next to the fields. */
async function afterStep(deps: AppDependencies, actor: Actor, projectId: string, saved: Saved): Promise<Reply> {
  if (!saved.ok) return reply.errors(saved.errors);
  return reply.close({ refresh: await overview(deps, actor, projectId) });
}

/**
 * The results step checked from what its screen carries (the slots and the limit when it opened), with no I/O, so
 * Slack can be answered at once under load; null when the screen lacks them.
 */
function checkResultList(interaction: SubmitInteraction): Reply | null {
  const context = readContext(interaction.context, resultSlots);
  if (!context) return null;
  const slots = context.slots.map((id) => id ?? undefined);
  const parsed = parseResultList(interaction.values, slots, context.limit);
  return parsed.ok ? reply.close() : reply.errors(parsed.errors);
}

export const homeworkRoutes: Route[] = [
  // Facilitators ----------------------------------------------------------------------------------
  onCommand("homework open", async ({ deps, actor }) => {
    const { workshop, invitations } = await openHomework(deps, actor);
    const sent = await sendHomeworkInvitations(deps, workshop, invitations);
    return reply.message(homeworkOpenedMessage(workshop.name, sent, invitations.length));
  }),

  onCommand("homework", async () => reply.message("Use /cluster homework open to invite every project member.")),

  onCommand("reopen <acronym> [days]", async ({ deps, actor, args }) => {
    const { project, until } = await reopenHomework(deps, actor, args.acronym ?? "", Number(args.days ?? "2"));
    return reply.message(reopenedMessage(project.acronym, until));
  }),

  onCommand("reopen", async () => reply.message("Use /cluster reopen ACRONYM [days].")),

  onCommand("status", async ({ deps, actor }) => reply.message(statusMessage(await statusReport(deps, actor)))),

  // Partners --------------------------------------------------------------------------------------
  onAction(homeworkActions.start, async ({ deps, actor, interaction }) =>
    reply.open(await overview(deps, actor, interaction.value)),
  ),

  onAction(homeworkActions.continue, async ({ deps, actor, interaction }) =>
    reply.open(await overview(deps, actor, await projectToContinue(deps, actor, interaction.value))),
  ),

  onAction(homeworkActions.overviewPage, async ({ deps, actor, interaction }) =>
    reply.update(await overview(deps, actor, projectOf(interaction.context), Number(interaction.value) || 0)),
  ),

  onAction(homeworkActions.results, async ({ deps, actor, interaction }) =>
    reply.push(resultListScreen(interaction.value, await resultListFormFor(deps, actor, interaction.value))),
  ),

  onAction(homeworkActions.characterise, async ({ deps, actor, interaction }) => {
    const { form, projectId } = await characterisationFormFor(deps, actor, interaction.value);
    return reply.push(characterisationScreen(projectId, interaction.value, form));
  }),

  onAction(homeworkActions.interest, async ({ deps, actor, interaction }) =>
    reply.push(interestScreen(interaction.value, await interestFormFor(deps, actor, interaction.value))),
  ),

  onAction(homeworkActions.removeInterest, async ({ deps, actor, interaction }) => {
    const { project, page } = carried(interaction.context, onOverviewPage);
    await removeInterest(deps, actor, project, interaction.value);
    return reply.update(await overview(deps, actor, project, page));
  }),

  onSubmit(
    "homework.results",
    async ({ deps, actor, interaction }) => {
      const context = readContext(interaction.context, resultSlots);
      const projectId = projectOf(interaction.context);
      // Without the slots it opened with (an outdated form), the list is read against today's results.
      const slots = context
        ? context.slots.map((id) => id ?? undefined)
        : (await resultListFormFor(deps, actor, projectId)).slotResultIds;
      return afterStep(
        deps,
        actor,
        projectId,
        await submitResultList(deps, actor, projectId, slots, interaction.values),
      );
    },
    checkResultList,
  ),

  onSubmit("homework.characterise", async ({ deps, actor, interaction }) => {
    const { project, result } = carried(interaction.context, onResult);
    const saved = await submitCharacterisation(deps, actor, result, interaction.values, interaction.action);
    return afterStep(deps, actor, project, saved);
  }),

  onSubmit("homework.interest", async ({ deps, actor, interaction }) => {
    const projectId = projectOf(interaction.context);
    return afterStep(deps, actor, projectId, await submitInterest(deps, actor, projectId, interaction.values));
  }),

  // Closing the characterisation without saving keeps what was typed, as a draft.
  onClosed("homework.characterise", async ({ deps, actor, interaction }) => {
    const context = readContext(interaction.context, onResult);
    if (!context) return reply.none();
    // A closed step is not an answer: if it can no longer be edited (deadline, membership), there is nothing to keep.
    const kept = await keepCharacterisationDraft(deps, actor, context.result, interaction.values).catch(
      (error: unknown) => {
        if (error instanceof Refusal) return false;
        throw error;
      },
    );
    return kept ? reply.close({ refresh: await overview(deps, actor, context.project) }) : reply.none();
  }),

  onSuggest("homework.interest", "resultId", async ({ deps, actor, interaction }) => {
    const project = readContext(interaction.context, onProject)?.project ?? "";
    const targets = await searchInterestTargets(deps, actor, project, interaction.query);
    return reply.suggestions(targets.map((target) => ({ value: target.resultId, label: target.label })));
  }),

  onHome(async ({ deps, actor }) => reply.home(homeScreen(await homeData(deps, actor)))),
];
