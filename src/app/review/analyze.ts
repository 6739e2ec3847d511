// `/cluster analyze`: the engine on the submitted homework. The facilitator is answered at once; the analysis runs
// after, is stored as a run (input, options, engine version, result) and becomes the review, unless facilitators
// have edited the current one: then they are shown what would change and asked.
import { DEFAULT_MAX_SIZE, engineVersion } from "../../core/clustering/index.ts";
import type { Granularity } from "../../core/clustering/interchange.ts";
import type { Workshop } from "../../core/model/domain.ts";
import { rerunChanges } from "../../core/review/rerun.ts";
import {
  type AnalysisSummary,
  analysisReadyMessage,
  analysisStartedMessage,
  rerunQuestion,
} from "../../core/review/screens.ts";
import type { Message } from "../../core/screens/message.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { engineInput } from "./engine-input.ts";
import { analyseInWorker } from "./engine-thread.ts";
import { runDetails } from "./load.ts";

/** Analyses under way, by workshop (one at a time per workshop in this process). */
const running = new Map<string, Promise<void>>();

/** Resolves once every analysis started in this process has finished (tests, benches, shutdown). */
export async function analysesSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()]);
}

export async function startAnalysis(
  deps: AppDependencies,
  actor: Actor,
  granularity: Granularity = "normal",
): Promise<Message> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  if (running.has(workshop.id))
    return { summary: "An analysis of this workshop is already running: I will send you the review when it is ready." };
  const [projects, results, interests] = await Promise.all([
    deps.repos.projects.list(workshop.id),
    deps.repos.results.listForWorkshop(workshop.id),
    deps.repos.interests.listForWorkshop(workshop.id),
  ]);
  const names = new Map<string, string>();
  for (const id of new Set(projects.flatMap((project) => project.memberIds)))
    names.set(id, (await deps.repos.people.find(id))?.displayName ?? "someone");
  const prepared = engineInput(workshop.name, projects, results, interests, names);
  if (prepared.projectsWithResults.length < 2) {
    const have =
      prepared.projectsWithResults.length === 0
        ? "No project has submitted results yet"
        : `Only ${prepared.projectsWithResults[0]} has submitted results`;
    throw new Refusal(
      "not_ready",
      `${have}: the analysis needs submitted results from at least two projects.${prepared.leftOut.length > 0 ? ` ${prepared.leftOut.length} draft${prepared.leftOut.length === 1 ? " is" : "s are"} not submitted yet.` : ""}`,
    );
  }
  const work = analyse(deps, actor, workshop, prepared, granularity)
    .catch(async (error: unknown) => {
      deps.logger.error({ err: error, workshopId: workshop.id }, "an analysis failed");
      const reason = error instanceof Error ? error.message : String(error);
      await deps.notify
        .notify({
          to: actor,
          key: `analysis-failed:${workshop.id}:${deps.clock.now().getTime()}`,
          message: { summary: `The analysis of ${workshop.name} failed: ${reason}` },
        })
        .catch(() => undefined);
    })
    .finally(() => running.delete(workshop.id));
  running.set(workshop.id, work);
  return analysisStartedMessage(prepared.input.results.length, prepared.projectsWithResults.length, prepared.leftOut);
}

async function analyse(
  deps: AppDependencies,
  actor: Actor,
  workshop: Workshop,
  prepared: ReturnType<typeof engineInput>,
  granularity: Granularity,
): Promise<void> {
  const options = { granularity, maxSize: DEFAULT_MAX_SIZE };
  const started = performance.now();
  const analysis = await analyseInWorker(prepared.input, options);
  const engineMs = performance.now() - started;
  const run = await deps.repos.reviews.createRun(workshop.id, {
    requestedById: actor.personId,
    input: prepared.input,
    options,
    engineVersion,
    result: analysis,
    leftOut: prepared.leftOut,
  });
  const summary: AnalysisSummary = {
    workshopName: workshop.name,
    runNumber: run.number,
    clusters: analysis.clusters.length,
    unclustered: analysis.unclustered.length,
    leftOut: prepared.leftOut,
  };
  const [review, current] = await Promise.all([
    deps.repos.reviews.review(workshop.id),
    deps.repos.reviews.clusters(workshop.id),
  ]);
  const edited = current.some((cluster) => cluster.editedByFacilitator || cluster.status !== "suggested");
  if (review && edited) {
    const changes = rerunChanges(
      current.map((cluster) => ({
        label: cluster.label,
        resultIds: cluster.resultIds,
        edited: cluster.editedByFacilitator,
      })),
      analysis.clusters.map((cluster) => ({ label: cluster.label, resultIds: cluster.results, edited: false })),
    );
    await deps.notify.notify({
      to: actor,
      key: `analysis-ready:${run.id}`,
      message: rerunQuestion(summary, changes, run.id, review.version),
    });
    return;
  }
  await adoptRun(deps, actor, workshop, run.id, null);
  const storedMs = performance.now() - started - engineMs;
  await deps.notify.notify({
    to: actor,
    key: `analysis-ready:${run.id}`,
    message: analysisReadyMessage(summary, workshop.id),
  });
  const notifiedMs = performance.now() - started - engineMs - storedMs;
  deps.logger.info(
    { workshopId: workshop.id, results: prepared.input.results.length, engineMs, storedMs, notifiedMs },
    "analysis ready",
  );
}

/** Makes a stored run the review (its suggested clusters replace the current ones); false when the review changed. */
export async function adoptRun(
  deps: AppDependencies,
  actor: Actor,
  workshop: Workshop,
  runId: string,
  expectedVersion: number | null,
): Promise<boolean> {
  const run = await deps.repos.reviews.findRun(runId);
  if (!run || run.workshopId !== workshop.id) throw new Refusal("not_found", "That analysis is not in this workshop.");
  const { analysis } = runDetails(run);
  const outcome = await deps.repos.reviews.install(
    workshop.id,
    run.id,
    analysis.clusters.map((cluster) => ({
      label: cluster.label,
      explanation: cluster.explanation,
      cohesion: cluster.cohesion,
      evidence: cluster.evidence ?? { sharedTerms: [] },
      resultIds: cluster.results,
    })),
    {
      personId: actor.personId,
      kind: "analysis",
      summary: `took analysis run ${run.number} into review (${analysis.clusters.length} suggested clusters)`,
    },
    expectedVersion,
  );
  return outcome.ok;
}
