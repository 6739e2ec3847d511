// "Something back for every partner": each project's summary (from the report model) as a direct message to each
// of its members, through the outbox. The key holds the message's content hash: sending again changes nothing for a
// summary already received, and sends a summary that changed since (new interest, a cluster approved). People who
// asked not to receive them (`/cluster summaries off`, or the button on the message) are left out.

import { projectSummaryMessage } from "../../core/report/summary-message.ts";
import { contentHash } from "../../core/review/announcement.ts";
import type { Message } from "../../core/screens/message.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { Notification } from "../ports/notify.ts";
import { Refusal } from "../refusal.ts";
import { workshopReport } from "./make-report.ts";

export interface SummaryDelivery extends Notification {
  project: string;
}

export interface SummariesPlan {
  workshopName: string;
  deliveries: SummaryDelivery[];
  /** Members left out because they opted out. */
  optedOut: number;
  /** Acronyms of projects with nobody to tell. */
  withoutMembers: string[];
}

/** Who gets which summary now; refused to anyone but the workshop's facilitators. */
export async function planSummaries(
  deps: Pick<AppDependencies, "repos" | "clock">,
  actor: Actor,
): Promise<SummariesPlan> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const projects = await deps.repos.projects.list(workshop.id);
  if (projects.length === 0) throw new Refusal("not_ready", "There is no project in the workshop yet.");
  const report = await workshopReport(deps.repos, deps.clock, workshop.id);
  if (report.results.length === 0)
    throw new Refusal("not_ready", "No project has named a result yet: there is nothing to summarise.");
  const summaryOf = new Map(report.summaries.map((s) => [s.acronym, s]));
  const off = await deps.repos.people.withSummariesOff([...new Set(projects.flatMap((p) => p.memberIds))]);
  const plan: SummariesPlan = { workshopName: workshop.name, deliveries: [], optedOut: 0, withoutMembers: [] };
  for (const project of projects) {
    const summary = summaryOf.get(project.acronym);
    if (!summary) continue;
    if (project.memberIds.length === 0) plan.withoutMembers.push(project.acronym);
    const message = projectSummaryMessage(summary, workshop.name);
    const hash = contentHash(message);
    for (const personId of project.memberIds) {
      if (off.has(personId)) {
        plan.optedOut++;
        continue;
      }
      plan.deliveries.push({
        project: project.acronym,
        to: { workspaceId: workshop.workspaceId, personId },
        key: `project-summary:${project.id}:${personId}:${hash}`,
        message,
      });
    }
  }
  return plan;
}

export interface SummariesSent {
  sent: number;
  alreadySent: number;
  queued: number;
  failed: number;
}

/** Hands each summary to the outbox; a failure is kept there (and listed in `/cluster status`), not thrown. */
export async function deliverSummaries(deps: AppDependencies, plan: SummariesPlan): Promise<SummariesSent> {
  const outcome: SummariesSent = { sent: 0, alreadySent: 0, queued: 0, failed: 0 };
  for (const delivery of plan.deliveries) {
    try {
      const receipt = await deps.notify.notify(delivery);
      if (receipt.status === "sent") outcome.sent++;
      else if (receipt.status === "queued") outcome.queued++;
      else outcome.alreadySent++;
    } catch (error) {
      outcome.failed++;
      deps.logger.warn({ err: error, project: delivery.project }, "a project summary was not delivered");
    }
  }
  return outcome;
}

/** What the facilitator is told at once, before the messages go out. */
export function summariesPlannedMessage(plan: SummariesPlan): Message {
  const people = new Set(plan.deliveries.map((d) => d.to.personId)).size;
  const projects = new Set(plan.deliveries.map((d) => d.project)).size;
  const lines = [
    people === 0
      ? `No summary to send for “${plan.workshopName}”: nobody in its projects can receive one.`
      : `Sending each project's summary to its members: ${people} ${people === 1 ? "person" : "people"} in ${projects} ${projects === 1 ? "project" : "projects"}. Whoever has it already gets nothing new; a summary that changed goes out again.`,
  ];
  if (plan.optedOut > 0)
    lines.push(`${plan.optedOut} ${plan.optedOut === 1 ? "member has" : "members have"} asked not to receive it.`);
  if (plan.withoutMembers.length > 0) lines.push(`No members to tell in ${plan.withoutMembers.join(", ")}.`);
  return { summary: lines.join(" "), blocks: lines.map((text) => ({ kind: "text" as const, text })) };
}

/** The person's choice, for every workshop. */
export async function setSummariesOff(
  deps: Pick<AppDependencies, "repos">,
  actor: Actor,
  off: boolean,
): Promise<Message> {
  await deps.repos.people.setSummariesOff(actor.personId, off);
  const text = off
    ? "You will get no more project summaries. “/cluster summaries on” turns them on again."
    : "Project summaries are on again: you get your project's summary when a facilitator sends them.";
  return { summary: text };
}
