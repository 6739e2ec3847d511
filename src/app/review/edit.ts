// The facilitators' edits of the review. Each is checked against the review the facilitator had open (same run,
// same version): a stale screen or an edit made meanwhile by someone else is never overwritten silently; the person
// gets the current review with a notice saying what happened.
import { z } from "zod";
import type { RawValues } from "../../core/forms/spec.ts";
import type { Workshop } from "../../core/model/domain.ts";
import type { ReviewCluster, ReviewView } from "../../core/review/model.ts";
import { resultLine } from "../../core/review/model.ts";
import { labelAfter, membersAfter } from "../../core/review/redescribe.ts";
import { designRuleWarnings } from "../../core/review/rules.ts";
import { labelMaxLength, unclusteredChoice } from "../../core/review/screens.ts";
import type { ClusterChange, Redescribed, Redescription } from "../../store/repositories/reviews.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { refreshAnnouncements } from "./announce.ts";
import { describeInWorker, warmEngine } from "./engine-thread.ts";
import { loadReview, reviewHistory } from "./load.ts";

/** The review a screen showed: carried in its context. */
export const reviewRef = z.object({
  workshop: z.string(),
  run: z.string(),
  version: z.number().int().nonnegative(),
  page: z.number().int().nonnegative().default(0),
  cluster: z.string().optional(),
});
export type ReviewRef = z.infer<typeof reviewRef>;

/** What the person sees after an edit: the review, and a notice when the edit was not (or not all) applied. */
export interface Edited {
  view: ReviewView;
  notice?: string;
  /** Field errors of the edit's form, when the input was wrong (nothing changed). */
  errors?: Record<string, string>;
  /** Approval asked while the design rule is broken. */
  warnings?: string[];
}

/** The review now, for a facilitator of its workshop; with a notice when the screen they acted on is out of date. */
export async function currentReview(
  deps: AppDependencies,
  actor: Actor,
  ref?: Pick<ReviewRef, "workshop" | "run" | "version">,
): Promise<{ workshop: Workshop; view: ReviewView; notice?: string }> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const view = await loadReview(deps, workshop);
  // The review's edits describe the clusters they change with the engine: have it ready by the first edit.
  warmEngine();
  if (ref && (ref.workshop !== workshop.id || ref.run !== view.runId)) {
    return {
      workshop,
      view,
      notice: `This review moved on: analysis run ${view.runNumber} replaced the one you had open. Here is the current review.`,
    };
  }
  return { workshop, view };
}

type Planned = { change: ClusterChange; kind: string; summary: string } | { errors: Record<string, string> };

/** Runs one edit planned from the current review; a stale ref or a concurrent edit leaves it unapplied. */
async function edit(
  deps: AppDependencies,
  actor: Actor,
  ref: ReviewRef,
  plan: (view: ReviewView, cluster: ReviewCluster | undefined) => Planned,
): Promise<Edited> {
  const { workshop, view, notice } = await currentReview(deps, actor, ref);
  if (notice) return { view, notice };
  if (view.version !== ref.version) return { view, notice: await changedMeanwhile(deps, workshop) };
  const cluster = ref.cluster ? view.clusters.find((candidate) => candidate.id === ref.cluster) : undefined;
  if (ref.cluster && !cluster)
    return { view, notice: "Not applied: that cluster is no longer in the review (merged or dropped meanwhile)." };
  const planned = plan(view, cluster);
  if ("errors" in planned) return { view, errors: planned.errors };
  const redescribed = await redescription(deps, workshop, view.runId, planned.change);
  const outcome = await deps.repos.reviews.edit(
    workshop.id,
    ref.version,
    { personId: actor.personId, kind: planned.kind, summary: planned.summary },
    redescribed ? { ...planned.change, redescribed } : planned.change,
  );
  if (!outcome.ok) return { view: await loadReview(deps, workshop), notice: await changedMeanwhile(deps, workshop) };
  await refreshAnnouncements(deps, workshop);
  return { view: await loadReview(deps, workshop) };
}

/**
 * The engine's description of every cluster whose results the change moves, from its members afterwards and the
 * run's own input (the same explanation an analysis gives). Read before the edit's transaction: if the review moves
 * on meanwhile, the version check refuses the edit, descriptions and all. Undefined when nothing to describe, or
 * when the engine fails (the edit still applies; the old explanation stays).
 */
async function redescription(
  deps: AppDependencies,
  workshop: Workshop,
  runId: string,
  change: ClusterChange,
): Promise<Redescribed | undefined> {
  if (change.kind !== "move" && change.kind !== "merge" && change.kind !== "split") return undefined;
  const [run, stored] = await Promise.all([
    deps.repos.reviews.findRun(runId),
    deps.repos.reviews.clusters(workshop.id),
  ]);
  if (!run) return undefined;
  const changed = membersAfter(stored, change);
  const sets = [...changed.clusters.map((cluster) => cluster.resultIds), ...(changed.created ? [changed.created] : [])];
  if (sets.length === 0) return undefined;
  try {
    const described = await describeInWorker(run.input, run.options, sets);
    const labelOf = (id: string) => stored.find((cluster) => cluster.id === id)?.label ?? "";
    // A cluster left without results says nothing about them any more.
    const emptied = (label: string): Redescription => ({
      label,
      explanation: "",
      cohesion: 0,
      evidence: { sharedTerms: [] },
    });
    const clusters: Record<string, Redescription> = {};
    changed.clusters.forEach((cluster, k) => {
      const description = described[k];
      clusters[cluster.id] = description
        ? {
            ...description,
            label: labelAfter(
              labelOf(cluster.id),
              description.label,
              description.evidence.sharedTerms.map((shared) => shared.term),
            ),
          }
        : emptied(labelOf(cluster.id));
    });
    const created = changed.created ? (described[changed.clusters.length] ?? undefined) : undefined;
    return created ? { clusters, created } : { clusters };
  } catch (error) {
    deps.logger.warn({ err: error, workshopId: workshop.id }, "the edited clusters could not be described again");
    return undefined;
  }
}

async function changedMeanwhile(deps: AppDependencies, workshop: Workshop): Promise<string> {
  const [last] = await reviewHistory(deps, workshop);
  const what = last ? `${last.who} ${last.summary}` : "someone edited it";
  return `Not applied: the review changed since you opened it (${what}). Here is the current review; try again if it is still needed.`;
}

const text = (values: RawValues, id: string) => (typeof values[id] === "string" ? (values[id] as string).trim() : "");
const list = (values: RawValues, id: string) =>
  Array.isArray(values[id]) ? (values[id] as string[]) : typeof values[id] === "string" ? [values[id] as string] : [];

function validLabel(label: string): string | null {
  if (!label) return "Please give the cluster a label.";
  if (label.length > labelMaxLength) return `Please keep the label within ${labelMaxLength} characters.`;
  return null;
}

export function rename(deps: AppDependencies, actor: Actor, ref: ReviewRef, values: RawValues) {
  return edit(deps, actor, ref, (_view, cluster): Planned => {
    const label = text(values, "label");
    const problem = validLabel(label);
    if (problem || !cluster) return { errors: { label: problem ?? "That cluster is gone." } };
    return {
      change: { kind: "rename", clusterId: cluster.id, label },
      kind: "rename",
      summary: `renamed “${cluster.label}” to “${label}”`,
    };
  });
}

export function move(deps: AppDependencies, actor: Actor, ref: ReviewRef, values: RawValues) {
  return edit(deps, actor, ref, (view, cluster): Planned => {
    const member = cluster?.members.find((candidate) => candidate.resultId === text(values, "result"));
    if (!cluster || !member) return { errors: { result: "Please choose one of this cluster's results." } };
    const to = text(values, "to");
    const target = view.clusters.find((candidate) => candidate.id === to && candidate.id !== cluster.id);
    if (!target && to !== unclusteredChoice) return { errors: { to: "Please choose another cluster." } };
    return {
      change: { kind: "move", resultId: member.resultId, to: target?.id ?? null },
      kind: "move",
      summary: `moved “${resultLine(member)}” from “${cluster.label}” ${target ? `to “${target.label}”` : "out of every cluster"}`,
    };
  });
}

export function add(deps: AppDependencies, actor: Actor, ref: ReviewRef, values: RawValues) {
  return edit(deps, actor, ref, (view): Planned => {
    const left = view.unclustered.find((candidate) => candidate.result.resultId === text(values, "result"));
    if (!left) return { errors: { result: "Please choose an unclustered result." } };
    const target = view.clusters.find((candidate) => candidate.id === text(values, "to"));
    if (!target) return { errors: { to: "Please choose a cluster." } };
    return {
      change: { kind: "move", resultId: left.result.resultId, to: target.id },
      kind: "add",
      summary: `added “${resultLine(left.result)}” to “${target.label}”`,
    };
  });
}

export function merge(deps: AppDependencies, actor: Actor, ref: ReviewRef, values: RawValues) {
  return edit(deps, actor, ref, (view, cluster): Planned => {
    const other = view.clusters.find(
      (candidate) => candidate.id === text(values, "other") && candidate.id !== cluster?.id,
    );
    if (!cluster || !other) return { errors: { other: "Please choose another cluster." } };
    return {
      change: { kind: "merge", from: other.id, into: cluster.id },
      kind: "merge",
      summary: `merged “${other.label}” into “${cluster.label}”`,
    };
  });
}

export function split(deps: AppDependencies, actor: Actor, ref: ReviewRef, values: RawValues) {
  return edit(deps, actor, ref, (_view, cluster): Planned => {
    const leaving = list(values, "leaving").filter((id) => cluster?.members.some((member) => member.resultId === id));
    const label = text(values, "label");
    const errors: Record<string, string> = {};
    if (!cluster) return { errors: { leaving: "That cluster is gone." } };
    if (leaving.length === 0) errors.leaving = "Please choose the results that leave.";
    else if (leaving.length === cluster.members.length)
      errors.leaving = "Leave at least one result behind (or rename).";
    const problem = validLabel(label);
    if (problem) errors.label = problem;
    if (Object.keys(errors).length > 0) return { errors };
    return {
      change: { kind: "split", clusterId: cluster.id, resultIds: leaving, label },
      kind: "split",
      summary: `split ${leaving.length} result${leaving.length === 1 ? "" : "s"} of “${cluster.label}” into “${label}”`,
    };
  });
}

export function drop(deps: AppDependencies, actor: Actor, ref: ReviewRef) {
  return edit(deps, actor, ref, (_view, cluster) =>
    cluster
      ? { change: { kind: "drop", clusterId: cluster.id }, kind: "drop", summary: `dropped “${cluster.label}”` }
      : { errors: {} },
  );
}

/** Approves every suggested cluster; without `anyway`, a broken design rule stops it with the warnings. */
export async function approve(deps: AppDependencies, actor: Actor, ref: ReviewRef, anyway: boolean): Promise<Edited> {
  const { view } = await currentReview(deps, actor);
  if (view.clusters.length === 0) throw new Refusal("not_ready", "There are no clusters to approve.");
  const warnings = designRuleWarnings(view.clusters);
  if (warnings.length > 0 && !anyway && view.runId === ref.run && view.version === ref.version)
    return { view, warnings };
  const done = await edit(deps, actor, ref, () => ({
    change: { kind: "approve" },
    kind: "approve",
    summary: `approved ${view.clusters.length} cluster${view.clusters.length === 1 ? "" : "s"}${warnings.length > 0 ? ` despite: ${warnings.join(" ")}` : ""}`,
  }));
  return done.notice || done.errors
    ? done
    : {
        view: done.view,
        notice: "Approved. `/cluster announce` posts the approved clusters to the announcement channel.",
      };
}
