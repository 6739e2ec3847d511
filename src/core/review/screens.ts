// The facilitators' review as neutral screens: one paged panel (≤ 95 blocks a page on every surface), the forms of
// its edits, the history, and the messages around an analysis. Pure functions of a ReviewView.
import type { FieldOption, FormSpec } from "../forms/spec.ts";
import type { Block, Button } from "../screens/blocks.ts";
import type { Message } from "../screens/message.ts";
import { type PanelScreen, pagedBlocks } from "../screens/screens.ts";
import { dateTime, rich } from "../screens/text.ts";
import { reviewActions, reviewForms, reviewScreenId } from "./actions.ts";
import { clusterProjects, type ReviewCluster, type ReviewEdit, type ReviewView, resultLine } from "./model.ts";
import type { RerunChanges } from "./rerun.ts";

export const labelMaxLength = 80;

/** What every screen of the review carries: which review, at which version (the version check of every edit). */
export function reviewContext(view: ReviewView, extra: Record<string, string | number> = {}) {
  return { workshop: view.workshopId, run: view.runId, version: view.version, ...extra };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function clusterBlocks(cluster: ReviewCluster, index: number): Block[] {
  const terms = cluster.sharedTerms
    .slice(0, 8)
    .map((term) => `${term.term} (${term.results.length})`)
    .join(", ");
  const responses = cluster.responses.map(
    (response) =>
      `${response.name}${response.acronym ? ` (${response.acronym})` : ""}: ${response.answer === "join" ? "asked to join" : "not for us"}`,
  );
  const button = (actionId: string, label: string, extra: Partial<Button> = {}): Button => ({
    actionId,
    label,
    value: cluster.id,
    ...extra,
  });
  return [
    { kind: "heading", text: `${index + 1}. ${cluster.label}`.slice(0, 140) },
    {
      kind: "context",
      text: `${clusterProjects(cluster).join(", ")} · cohesion ${cluster.cohesion.toFixed(2)} · ${plural(cluster.members.length, "result")} · ${cluster.status}`,
    },
    {
      kind: "list",
      items: cluster.members.map((member) => ({ title: member.acronym, text: member.title })),
    },
    { kind: "text", title: "Why", text: cluster.explanation.slice(0, 2500) || "No explanation." },
    ...(terms ? [{ kind: "context", text: `Shared terms: ${terms}` } as Block] : []),
    ...(responses.length > 0 ? [{ kind: "context", text: `Answers: ${responses.join("; ")}` } as Block] : []),
    {
      kind: "buttons",
      buttons: [
        button(reviewActions.rename, "Rename"),
        button(reviewActions.move, "Move a result"),
        button(reviewActions.merge, "Merge"),
        button(reviewActions.split, "Split"),
        button(reviewActions.drop, "Drop", {
          style: "danger",
          confirm: `Drop “${cluster.label}”? Its results become unclustered.`,
        }),
      ],
    },
  ];
}

/** The review, one page of it; `notice` says above it why the person sees it (an edit not applied, a new run). */
export function reviewScreen(view: ReviewView, page = 0, notice?: string): PanelScreen {
  const results = view.clusters.reduce((sum, cluster) => sum + cluster.members.length, 0) + view.unclustered.length;
  const head: Block[] = [
    ...(notice ? [{ kind: "text", text: notice } as Block] : []),
    {
      kind: "context",
      text: `${view.workshopName} · analysis run ${view.runNumber} (engine ${view.engineVersion}, ${view.granularity}) · ${plural(results, "result")} · review version ${view.version}`,
    },
  ];
  if (view.leftOut.length > 0) {
    head.push({
      kind: "context",
      text: `Left out as drafts: ${view.leftOut.length} (${view.leftOut
        .slice(0, 10)
        .map((draft) => `${draft.acronym}: ${draft.title}`)
        .join("; ")}${view.leftOut.length > 10 ? "; …" : ""})`,
    });
  }
  head.push({
    kind: "buttons",
    buttons: [
      { actionId: reviewActions.approve, label: "Approve", value: view.workshopId, style: "primary" },
      { actionId: reviewActions.history, label: "History", value: view.workshopId },
      ...(view.unclustered.length > 0
        ? [{ actionId: reviewActions.add, label: "Add an unclustered result", value: view.workshopId }]
        : []),
      { actionId: reviewActions.rerun, label: "Re-run: fewer clusters", value: "coarse" },
      { actionId: reviewActions.rerun, label: "Re-run: more clusters", value: "fine" },
    ],
  });
  const body: Block[] = view.clusters.flatMap(clusterBlocks);
  if (view.clusters.length === 0) body.push({ kind: "text", text: "No clusters: every result is unclustered." });
  if (view.unclustered.length > 0) {
    body.push({ kind: "divider" }, { kind: "heading", text: `Unclustered (${view.unclustered.length})` });
    body.push({
      kind: "list",
      items: view.unclustered.map((left) => ({
        title: left.result.acronym,
        text: `${left.result.title}: ${left.nearest ? `nearest “${left.nearest}”${left.similarity === null ? "" : ` (${left.similarity.toFixed(2)})`}. ` : ""}${left.reason}`,
      })),
    });
  }
  const paged = pagedBlocks({ head, body, page, pagerActionId: reviewActions.page });
  return {
    kind: "panel",
    id: reviewScreenId,
    title: "Review clusters",
    blocks: paged.blocks,
    context: reviewContext(view, { page: paged.page }),
  };
}

export function historyScreen(view: ReviewView, edits: readonly ReviewEdit[]): PanelScreen {
  const body: Block[] =
    edits.length === 0
      ? [{ kind: "text", text: "No edits yet." }]
      : [
          {
            kind: "list",
            items: edits.map((edit) => ({ title: edit.who, text: rich`${edit.summary} (${dateTime(edit.at)})` })),
          },
        ];
  const paged = pagedBlocks({
    head: [{ kind: "heading", text: `History of the review of ${view.workshopName}`.slice(0, 140) }],
    body,
    page: 0,
    pagerActionId: reviewActions.history,
  });
  return {
    kind: "panel",
    id: "review.history",
    title: "Review history",
    blocks: paged.blocks,
    context: reviewContext(view),
  };
}

const clusterOption = (cluster: ReviewCluster): FieldOption => ({
  value: cluster.id,
  label: cluster.label.slice(0, 75),
});
const resultOption = (member: ReviewCluster["members"][number]): FieldOption => ({
  value: member.resultId,
  label: resultLine(member).slice(0, 75),
});
export const unclusteredChoice = "unclustered";

export function renameForm(cluster: ReviewCluster): FormSpec {
  return {
    id: reviewForms.rename,
    title: "Rename cluster",
    submitLabel: "Rename",
    fields: [
      { id: "label", label: "Label", kind: "text", required: true, maxLength: labelMaxLength, initial: cluster.label },
    ],
  };
}

export function moveForm(cluster: ReviewCluster, others: readonly ReviewCluster[]): FormSpec {
  return {
    id: reviewForms.move,
    title: "Move a result",
    submitLabel: "Move",
    intro: `From “${cluster.label}”.`,
    fields: [
      { id: "result", label: "Result", kind: "choice", required: true, options: cluster.members.map(resultOption) },
      {
        id: "to",
        label: "To",
        kind: "choice",
        required: true,
        options: [
          ...others.slice(0, 99).map(clusterOption),
          { value: unclusteredChoice, label: "Leave it unclustered" },
        ],
      },
    ],
  };
}

export function mergeForm(cluster: ReviewCluster, others: readonly ReviewCluster[]): FormSpec {
  return {
    id: reviewForms.merge,
    title: "Merge clusters",
    submitLabel: "Merge",
    intro: `The results of the cluster you choose join “${cluster.label}”, which keeps its label.`,
    fields: [
      {
        id: "other",
        label: "Merge in",
        kind: "choice",
        required: true,
        options: others.slice(0, 100).map(clusterOption),
      },
    ],
  };
}

export function splitForm(cluster: ReviewCluster): FormSpec {
  return {
    id: reviewForms.split,
    title: "Split cluster",
    submitLabel: "Split",
    intro: `The results you choose leave “${cluster.label}” for a new cluster.`,
    fields: [
      {
        id: "leaving",
        label: "Results that leave",
        kind: "choices",
        required: true,
        options: cluster.members.map(resultOption),
      },
      { id: "label", label: "Label of the new cluster", kind: "text", required: true, maxLength: labelMaxLength },
    ],
  };
}

export function addForm(view: ReviewView): FormSpec {
  return {
    id: reviewForms.add,
    title: "Add a result",
    submitLabel: "Add",
    fields: [
      {
        id: "result",
        label: "Unclustered result",
        kind: "choice",
        required: true,
        options: view.unclustered.slice(0, 100).map((left) => resultOption(left.result)),
      },
      {
        id: "to",
        label: "To",
        kind: "choice",
        required: true,
        options: view.clusters.slice(0, 100).map(clusterOption),
      },
    ],
  };
}

/** Approval asked for while the design rule is broken: the warnings, and a way to approve anyway. */
export function approvalWarningsScreen(view: ReviewView, warnings: readonly string[]): PanelScreen {
  return {
    kind: "panel",
    id: "review.warnings",
    title: "Before approving",
    blocks: [
      { kind: "text", text: "The clusters break the design rule of the method:" },
      { kind: "list", items: warnings.map((warning) => ({ text: warning, mark: "failed" as const })) },
      {
        kind: "buttons",
        buttons: [
          {
            actionId: reviewActions.approveAnyway,
            label: "Approve anyway",
            value: view.workshopId,
            style: "danger",
            confirm: "Approve these clusters although they break the rule?",
          },
        ],
      },
      { kind: "context", text: "Or close this and edit the clusters the warnings name." },
    ],
    context: reviewContext(view),
  };
}

export interface AnalysisSummary {
  workshopName: string;
  runNumber: number;
  clusters: number;
  unclustered: number;
  leftOut: { acronym: string; title: string; owners: string[] }[];
}

function leftOutLine(leftOut: AnalysisSummary["leftOut"]): string {
  if (leftOut.length === 0) return "No drafts were left out.";
  const byProject = new Map<string, { titles: string[]; owners: Set<string> }>();
  for (const draft of leftOut) {
    const entry = byProject.get(draft.acronym) ?? { titles: [], owners: new Set<string>() };
    entry.titles.push(draft.title);
    for (const owner of draft.owners) entry.owners.add(owner);
    byProject.set(draft.acronym, entry);
  }
  const parts = [...byProject].map(
    ([acronym, entry]) =>
      `${acronym} (${plural(entry.titles.length, "draft")}${entry.owners.size > 0 ? `; members: ${[...entry.owners].join(", ")}` : ""})`,
  );
  return `Left out, not submitted: ${plural(leftOut.length, "draft")}: ${parts.join("; ")}.`;
}

export function analysisReadyMessage(summary: AnalysisSummary, workshopId: string): Message {
  const line = `Analysis run ${summary.runNumber} of ${summary.workshopName} is ready: ${plural(summary.clusters, "suggested cluster")}, ${summary.unclustered} unclustered.`;
  return {
    summary: line,
    blocks: [
      {
        kind: "text",
        text: line,
        button: { actionId: reviewActions.open, label: "Open the review", value: workshopId, style: "primary" },
      },
      { kind: "context", text: leftOutLine(summary.leftOut) },
    ],
  };
}

export function analysisStartedMessage(
  results: number,
  projects: number,
  leftOut: AnalysisSummary["leftOut"],
): Message {
  const line = `Analysing ${plural(results, "submitted result")} of ${plural(projects, "project")}… I will send you the review when it is ready.`;
  return {
    summary: line,
    blocks: [
      { kind: "text", text: line },
      { kind: "context", text: leftOutLine(leftOut) },
    ],
  };
}

/** A new run of an edited review: what adopting it would change, and the choice. */
export function rerunQuestion(
  summary: AnalysisSummary,
  changes: RerunChanges,
  runId: string,
  version: number,
): Message {
  const line = `Analysis run ${summary.runNumber} is ready (${plural(summary.clusters, "cluster")}), but the current review has facilitators' edits. Nothing was replaced.`;
  const lost =
    changes.editedLost.length > 0
      ? `Adopting it would replace the edited clusters ${changes.editedLost.map((label) => `“${label}”`).join(", ")}`
      : "Adopting it would replace the current clusters";
  return {
    summary: line,
    blocks: [
      { kind: "text", text: line },
      { kind: "text", text: `${lost}, and ${plural(changes.movedResults, "result")} would change cluster.` },
      { kind: "context", text: `New clusters: ${changes.newLabels.map((label) => `“${label}”`).join(", ") || "none"}` },
      {
        kind: "buttons",
        buttons: [
          {
            actionId: reviewActions.replace,
            label: `Replace with run ${summary.runNumber}`,
            value: `${runId}:${version}`,
            style: "danger",
            confirm: "Replace the edited review with the new suggestion? Its edits stay in the history.",
          },
          { actionId: reviewActions.keep, label: "Keep the current review", value: runId },
        ],
      },
    ],
  };
}
