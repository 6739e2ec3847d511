// Partners' homework as routes: buttons open the overview and push its steps; a submitted step is saved and the
// form closes onto the refreshed overview; closing the characterisation keeps a draft. Facilitators' homework
// commands (open, reopen, status) too.
import { z } from "zod";
import {
  confirmedRemovals,
  mergeStaleResultList,
  parseResultList,
  withRemovalConfirmation,
} from "../../core/forms/homework.ts";
import { readContext, type ScreenContext } from "../../core/screens/context.ts";
import type { FormScreen } from "../../core/screens/screens.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { SubmitInteraction } from "../interaction/interaction.ts";
import { notSavedMessage } from "../interaction/outcomes.ts";
import { type Reply, reply } from "../interaction/reply.ts";
import { onAction, onClosed, onCommand, onHome, onSubmit, onSuggest, type Route } from "../interaction/router.ts";
import { Refusal } from "../refusal.ts";
import { projectToContinue } from "../workshop/lifecycle.ts";
import { homeActions, homeworkActions } from "./actions.ts";
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
import { listVersionsOf } from "./list-versions.ts";
import { homeworkOpenedMessage, reopenedMessage, statusMessage } from "./messages.ts";
import { openHomework, sendHomeworkInvitations } from "./open.ts";
import { reopenHomework } from "./reopen.ts";
import { characterisationScreen, homeScreen, interestScreen, overviewScreen, resultListScreen } from "./screens.ts";
import { homeData, statusReport } from "./status.ts";

const onProject = z.object({ project: z.string() });
const onInterest = z.object({ project: z.string(), replacing: z.string().optional() });
const onOverviewPage = z.object({ project: z.string(), page: z.number().int().nonnegative().default(0) });
// `version`: what the form was opened at (forms from before versions were kept count as opened at the first one).
const version = z.number().int().nonnegative().default(0);
const onResult = z.object({ project: z.string(), result: z.string(), version });
const resultSlots = z.object({
  project: z.string(),
  slots: z.array(z.string().nullable()),
  limit: z.number().int().positive(),
  version,
  characterised: z.array(z.string()).default([]),
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

/**
 * A step saved: back to the refreshed overview; not saved: the errors next to the fields, or, when someone saved
 * first, the form as it is now (`again`) with what was typed and who changed what above it.
 */
async function afterStep(
  deps: AppDependencies,
  actor: Actor,
  projectId: string,
  saved: Saved,
  again?: (summary: string) => Promise<FormScreen>,
): Promise<Reply> {
  if (saved.ok) return reply.close({ refresh: await overview(deps, actor, projectId) });
  if ("errors" in saved) return reply.errors(saved.errors, saved.summary);
  if ("confirm" in saved) return reply.errors({}, "Please confirm what this save deletes.");
  return again ? reply.update(await again(saved.stale)) : reply.errors({}, saved.stale);
}

/**
 * The results step checked from what its screen carries (the slots and the limit when it opened), with no I/O, so
 * Slack can be answered at once under load; null when the screen lacks them, or when the form is known to be stale
 * (the full handling then gives what was typed back in the form).
 */
function checkResultList(interaction: SubmitInteraction, deps: AppDependencies): Reply | null {
  const context = readContext(interaction.context, resultSlots);
  if (!context || listVersionsOf(deps).isBehind(context.project, context.version)) return null;
  const slots = context.slots.map((id) => id ?? undefined);
  const parsed = parseResultList(interaction.values, slots, context.limit);
  if (!parsed.ok) return reply.errors(parsed.errors);
  // Clearing a characterised result's title asks first: the save itself says so.
  const kept = new Set(parsed.value.map((entry) => entry.id));
  const confirmed = confirmedRemovals(interaction.values);
  const unconfirmed = context.characterised.some((id) => slots.includes(id) && !kept.has(id) && !confirmed.has(id));
  return unconfirmed ? null : reply.close();
}

async function openHomeworkNow(deps: AppDependencies, actor: Actor): Promise<Reply> {
  const { workshop, invitations } = await openHomework(deps, actor);
  const sent = await sendHomeworkInvitations(deps, workshop, invitations);
  return reply.message(homeworkOpenedMessage(workshop.name, sent, invitations.length));
}

export const homeworkRoutes: Route[] = [
  // Facilitators ----------------------------------------------------------------------------------
  onCommand("homework open", async ({ deps, actor }) => openHomeworkNow(deps, actor)),
  onAction(homeActions.openHomework, async ({ deps, actor }) => openHomeworkNow(deps, actor)),

  onCommand("homework", async () => reply.message("Use /cluster homework open to invite every project member.")),

  onCommand("reopen <acronym> [days]", async ({ deps, actor, args }) => {
    const { project, until } = await reopenHomework(deps, actor, args.acronym ?? "", Number(args.days ?? "2"));
    return reply.message(reopenedMessage(project.acronym, until));
  }),

  onCommand("reopen", async () => reply.message("Use /cluster reopen ACRONYM [days].")),

  onCommand("status", async ({ deps, actor }) => reply.message(statusMessage(await statusReport(deps, actor)))),
  onAction(homeActions.status, async ({ deps, actor }) =>
    reply.message(statusMessage(await statusReport(deps, actor))),
  ),

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
    const { form, projectId, version } = await characterisationFormFor(deps, actor, interaction.value);
    return reply.push(characterisationScreen(projectId, interaction.value, form, version));
  }),

  onAction(homeworkActions.interest, async ({ deps, actor, interaction }) =>
    reply.push(interestScreen(interaction.value, await interestFormFor(deps, actor, interaction.value))),
  ),

  onAction(homeworkActions.changeInterest, async ({ deps, actor, interaction }) => {
    const { project } = carried(interaction.context, onOverviewPage);
    const form = await interestFormFor(deps, actor, project, interaction.value);
    return reply.push(interestScreen(project, form, interaction.value));
  }),

  onAction(homeworkActions.removeInterest, async ({ deps, actor, interaction }) => {
    const { project, page } = carried(interaction.context, onOverviewPage);
    await removeInterest(deps, actor, project, interaction.value);
    return reply.update(await overview(deps, actor, project, page));
  }),

  onSubmit(
    "homework.results",
    async ({ deps, actor, interaction }) => {
      const { project: projectId, slots: opened, version } = carried(interaction.context, resultSlots);
      const slots = opened.map((id) => id ?? undefined);
      const saved = await submitResultList(deps, actor, projectId, slots, interaction.values, version);
      if (!saved.ok && "confirm" in saved) {
        const screen = resultListScreen(projectId, await resultListFormFor(deps, actor, projectId));
        const asked = withRemovalConfirmation(screen.form, saved.confirm);
        const { errors, summary: errorSummary } = asked;
        return reply.update({ ...screen, form: asked.form, values: interaction.values, errors, errorSummary });
      }
      return afterStep(deps, actor, projectId, saved, async (summary) => {
        const now = await resultListFormFor(deps, actor, projectId);
        const merged = mergeStaleResultList(interaction.values, slots, now.results, now.form.fields.length);
        const unplaced = merged.unplaced.length > 0 ? ` No free slot was left for: ${merged.unplaced.join("; ")}.` : "";
        return { ...resultListScreen(projectId, now), values: merged.values, errorSummary: summary + unplaced };
      });
    },
    checkResultList,
  ),

  onSubmit("homework.characterise", async ({ deps, actor, interaction }) => {
    const { project, result, version } = carried(interaction.context, onResult);
    const { values, action } = interaction;
    const saved = await submitCharacterisation(deps, actor, result, values, action, version);
    return afterStep(deps, actor, project, saved, async (summary) => {
      const now = await characterisationFormFor(deps, actor, result);
      return { ...characterisationScreen(project, result, now.form, now.version), values, errorSummary: summary };
    });
  }),

  onSubmit("homework.interest", async ({ deps, actor, interaction }) => {
    const { project: projectId, replacing } = carried(interaction.context, onInterest);
    const saved = await submitInterest(deps, actor, projectId, interaction.values, replacing);
    return afterStep(deps, actor, projectId, saved);
  }),

  // Closing the characterisation without saving keeps what was typed, as a draft.
  onClosed("homework.characterise", async ({ deps, actor, interaction }) => {
    const context = readContext(interaction.context, onResult);
    if (!context) return reply.none();
    // A closed step is not an answer: if it can no longer be edited (deadline, membership), there is nothing to keep.
    const { result, version } = context;
    const kept = await keepCharacterisationDraft(deps, actor, result, interaction.values, version).catch(
      (error: unknown) => {
        if (error instanceof Refusal) return false;
        throw error;
      },
    );
    if (kept === true) return reply.close({ refresh: await overview(deps, actor, context.project) });
    // Someone saved it meanwhile: their save stands, and what this partner typed comes to them as a DM.
    if (kept !== false)
      await deps.notify.notify({
        to: { workspaceId: actor.workspaceId, personId: actor.personId },
        key: `draft-not-kept:${result}:${version}:${actor.personId}`,
        message: notSavedMessage(kept.stale, interaction.values),
      });
    return reply.none();
  }),

  onSuggest("homework.interest", "resultId", async ({ deps, actor, interaction }) => {
    const project = readContext(interaction.context, onProject)?.project ?? "";
    const targets = await searchInterestTargets(deps, actor, project, interaction.query);
    return reply.suggestions(targets.map((target) => ({ value: target.resultId, label: target.label })));
  }),

  onHome(async ({ deps, actor }) => reply.home(homeScreen(await homeData(deps, actor)))),
];
