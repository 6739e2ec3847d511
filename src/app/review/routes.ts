// Analysis, review and announcement as routes. The review is one paged panel; each edit is a button (drop,
// approve) or a small form pushed on top, whose submission closes onto the refreshed review.
import { GRANULARITIES, type Granularity } from "../../core/clustering/interchange.ts";
import type { FormSpec } from "../../core/forms/spec.ts";
import { reviewActions, reviewForms } from "../../core/review/actions.ts";
import type { ReviewCluster } from "../../core/review/model.ts";
import {
  addForm,
  approvalWarningsScreen,
  historyScreen,
  mergeForm,
  moveForm,
  renameForm,
  reviewContext,
  reviewScreen,
  splitForm,
} from "../../core/review/screens.ts";
import { readContext, type ScreenContext } from "../../core/screens/context.ts";
import type { Screen } from "../../core/screens/screens.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { type Reply, reply } from "../interaction/reply.ts";
import { onAction, onCommand, onSubmit, type Route } from "../interaction/router.ts";
import { Refusal } from "../refusal.ts";
import { adoptRun, startAnalysis } from "./analyze.ts";
import { announce, announcedMessage, respond } from "./announce.ts";
import * as edits from "./edit.ts";
import { currentReview, type Edited, type ReviewRef, reviewRef } from "./edit.ts";
import { reviewHistory } from "./load.ts";

function refOf(context: ScreenContext): ReviewRef {
  const ref = readContext(context, reviewRef);
  if (!ref) throw new Refusal("not_found", "This screen is out of date. Please close it and open the review again.");
  return ref;
}

function granularityOf(word: string | undefined): Granularity {
  const wanted = (word ?? "normal").toLowerCase();
  if (!(GRANULARITIES as readonly string[]).includes(wanted))
    throw new Refusal("not_found", `Granularity is one of ${GRANULARITIES.join(", ")} (you wrote “${word}”).`);
  return wanted as Granularity;
}

/** The review after an edit from a panel button: redrawn in place. */
function shown(edited: Edited, page: number): Reply {
  if (edited.warnings) return reply.push(approvalWarningsScreen(edited.view, edited.warnings));
  return reply.update(reviewScreen(edited.view, page, edited.notice));
}

/** After a form's submission: its errors, or closed onto the refreshed review (with a notice if not applied). */
function submitted(edited: Edited, page: number): Reply {
  if (edited.errors && Object.keys(edited.errors).length > 0) return reply.errors(edited.errors);
  return reply.close({ refresh: reviewScreen(edited.view, page, edited.notice) });
}

/** A button that opens an edit's form about one cluster of the review the person has open. */
function clusterForm(actionId: string, form: (cluster: ReviewCluster, others: ReviewCluster[]) => FormSpec): Route {
  return onAction(actionId, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    const { view, notice } = await currentReview(deps, actor, ref);
    const cluster = pick(view.clusters, interaction.value);
    if (notice || !cluster || view.version !== ref.version) {
      const why =
        notice ?? (cluster ? undefined : "That cluster is no longer in the review (merged or dropped meanwhile).");
      return reply.update(
        reviewScreen(view, ref.page, why ?? "The review changed since you opened it: here it is now."),
      );
    }
    const others = view.clusters.filter((candidate) => candidate.id !== cluster.id);
    if (actionId === reviewActions.merge && others.length === 0)
      return reply.update(reviewScreen(view, ref.page, "There is no other cluster to merge with."));
    const screen: Screen = {
      kind: "form",
      form: form(cluster, others),
      context: { ...reviewContext(view, { page: ref.page }), cluster: cluster.id },
    };
    return reply.push(screen);
  });
}

function pick<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  return items.find((item) => item.id === id);
}

async function openReview(deps: AppDependencies, actor: Actor): Promise<Reply> {
  const { view } = await currentReview(deps, actor);
  return reply.open(reviewScreen(view));
}

export const reviewRoutes: Route[] = [
  onCommand("analyze [granularity]", async ({ deps, actor, args }) =>
    reply.message(await startAnalysis(deps, actor, granularityOf(args.granularity))),
  ),
  onCommand("review", async ({ deps, actor }) => openReview(deps, actor)),
  onCommand("announce", async ({ deps, actor }) => reply.message(announcedMessage(await announce(deps, actor)))),

  onAction(reviewActions.open, async ({ deps, actor }) => openReview(deps, actor)),
  onAction(reviewActions.page, async ({ deps, actor, interaction }) => {
    const ref = readContext(interaction.context, reviewRef);
    const { view, notice } = await currentReview(deps, actor, ref);
    return reply.update(reviewScreen(view, Number(interaction.value) || 0, notice));
  }),
  onAction(reviewActions.history, async ({ deps, actor }) => {
    const { workshop, view } = await currentReview(deps, actor);
    return reply.push(historyScreen(view, await reviewHistory(deps, workshop)));
  }),
  onAction(reviewActions.rerun, async ({ deps, actor, interaction }) => {
    const ref = readContext(interaction.context, reviewRef);
    const started = await startAnalysis(deps, actor, granularityOf(interaction.value));
    const { view } = await currentReview(deps, actor);
    return reply.update(
      reviewScreen(view, ref?.page ?? 0, typeof started.summary === "string" ? started.summary : undefined),
    );
  }),
  onAction(reviewActions.replace, async ({ deps, actor, interaction }) => {
    const [runId = "", version = ""] = interaction.value.split(":");
    const { workshop } = await currentReview(deps, actor);
    const adopted = await adoptRun(deps, actor, workshop, runId, Number(version));
    return reply.message(
      adopted
        ? {
            summary: "Done: the new analysis is now the review.",
            blocks: [
              {
                kind: "text",
                text: "Done: the new analysis is now the review.",
                button: { actionId: reviewActions.open, label: "Open the review", value: workshop.id },
              },
            ],
          }
        : "Not replaced: the review changed after this question was asked. Run `/cluster analyze` again to compare.",
    );
  }),
  onAction(reviewActions.keep, async () => reply.message("Kept the current review. The new run stays stored.")),

  clusterForm(reviewActions.rename, (cluster) => renameForm(cluster)),
  clusterForm(reviewActions.move, (cluster, others) => moveForm(cluster, others)),
  clusterForm(reviewActions.merge, (cluster, others) => mergeForm(cluster, others)),
  clusterForm(reviewActions.split, (cluster) => splitForm(cluster)),
  onAction(reviewActions.add, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    const { view, notice } = await currentReview(deps, actor, ref);
    if (notice || view.unclustered.length === 0 || view.clusters.length === 0)
      return reply.update(
        reviewScreen(view, ref.page, notice ?? "No unclustered result to add, or no cluster to add it to."),
      );
    return reply.push({ kind: "form", form: addForm(view), context: reviewContext(view, { page: ref.page }) });
  }),
  onAction(reviewActions.drop, async ({ deps, actor, interaction }) => {
    const ref = { ...refOf(interaction.context), cluster: interaction.value };
    return shown(await edits.drop(deps, actor, ref), ref.page);
  }),
  onAction(reviewActions.approve, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    return shown(await edits.approve(deps, actor, ref, false), ref.page);
  }),
  onAction(reviewActions.approveAnyway, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    const edited = await edits.approve(deps, actor, ref, true);
    return reply.update(reviewScreen(edited.view, ref.page, edited.notice));
  }),

  onSubmit(reviewForms.rename, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    return submitted(await edits.rename(deps, actor, ref, interaction.values), ref.page);
  }),
  onSubmit(reviewForms.move, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    return submitted(await edits.move(deps, actor, ref, interaction.values), ref.page);
  }),
  onSubmit(reviewForms.merge, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    return submitted(await edits.merge(deps, actor, ref, interaction.values), ref.page);
  }),
  onSubmit(reviewForms.split, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    return submitted(await edits.split(deps, actor, ref, interaction.values), ref.page);
  }),
  onSubmit(reviewForms.add, async ({ deps, actor, interaction }) => {
    const ref = refOf(interaction.context);
    return submitted(await edits.add(deps, actor, ref, interaction.values), ref.page);
  }),

  onAction(reviewActions.join, async ({ deps, actor, interaction }) =>
    reply.message(await respond(deps, actor, interaction.value, "join")),
  ),
  onAction(reviewActions.decline, async ({ deps, actor, interaction }) =>
    reply.message(await respond(deps, actor, interaction.value, "decline")),
  ),
];
