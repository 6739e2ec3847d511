// What the working groups read: the kick-off, the prompts, the bot's answer to each thread reply, the plan.
// Pure functions of the data. User text is kept literal (each surface escapes it) and shortened where a very long
// reply would not fit a message.
import type { Block, Button, Fact } from "../../core/screens/blocks.ts";
import type { Message } from "../../core/screens/message.ts";
import { describeTimeline } from "../../core/workplan/dates.ts";
import { topicPrompts, type WorkPlanTopic } from "../../core/workplan/topics.ts";
import type { WorkingGroup, WorkPlanItemRecord } from "../../store/repositories/working-groups.ts";

export const groupActions = {
  add: "workplan.add",
  edit: "workplan.edit",
  remove: "workplan.remove",
} as const;

/** A shortened copy of user text for display (the whole text is stored). */
export function shown(text: string, max = 300): string {
  const characters = [...text];
  return characters.length > max ? `${characters.slice(0, max).join("")}…` : text;
}

const addButton = (clusterId: string): Button => ({ actionId: groupActions.add, label: "Add item", value: clusterId });

export function kickoffMessage(group: WorkingGroup): Message {
  const results = group.results.slice(0, 40).map((result) => ({
    title: shown(result.title, 150),
    text:
      result.owners.length > 0
        ? `${result.projectAcronym} · ${shown(result.owners.join(", "), 200)}`
        : result.projectAcronym,
  }));
  return {
    summary: `Welcome to the working group “${shown(group.label, 150)}”`,
    blocks: [
      { kind: "heading", text: shown(`Working group: ${group.label}`, 140) },
      { kind: "text", title: "Why you are together", text: shown(group.explanation, 2500) },
      {
        kind: "text",
        title: "Results and their owners",
        text: `${group.results.length} results from ${group.projectIds.length} projects:`,
      },
      { kind: "list", items: results },
      {
        kind: "text",
        title: "How the work-plan is gathered",
        text: "Below are six questions: joint activities, who leads, timeline, resources, expected benefit, IPR. Answer in each question's thread, one item per reply. I confirm what I understood, with an Edit button. “/cluster workplan” here shows the plan so far.",
        button: addButton(group.clusterId),
      },
    ],
  };
}

export function promptMessage(clusterId: string, topic: WorkPlanTopic): Message {
  const prompt = topicPrompts[topic];
  return {
    summary: `${prompt.title}: ${prompt.question}`,
    blocks: [
      { kind: "text", title: prompt.title, text: prompt.question, button: addButton(clusterId) },
      { kind: "context", text: "Reply in this thread, one item per reply." },
    ],
  };
}

export function itemFacts(item: WorkPlanItemRecord): Fact[] {
  const facts: Fact[] = [{ label: "Activity", value: shown(item.activity) }];
  const timeline = describeTimeline({ start: item.startDate, end: item.endDate, milestone: item.milestone });
  if (item.leadPartner) facts.push({ label: "Lead", value: item.leadPartner });
  if (item.contributors.length > 0) facts.push({ label: "Contributors", value: shown(item.contributors.join(", ")) });
  if (timeline) facts.push({ label: "Timeline", value: timeline });
  if (item.resources) facts.push({ label: "Resources", value: shown(item.resources) });
  if (item.expectedBenefit) facts.push({ label: "Expected benefit", value: shown(item.expectedBenefit) });
  if (item.ipr) facts.push({ label: "IPR", value: shown(item.ipr) });
  return facts;
}

/** The bot's answer under a reply it read: what it understood, and how to correct it. */
export function confirmationMessage(item: WorkPlanItemRecord): Message {
  return {
    summary: `Added to the work-plan: ${shown(item.activity, 150)}`,
    blocks: [
      { kind: "text", text: "Added to the work-plan. This is what I understood:" },
      { kind: "facts", facts: itemFacts(item) },
      {
        kind: "buttons",
        buttons: [
          { actionId: groupActions.edit, label: "Edit", value: item.id },
          {
            actionId: groupActions.remove,
            label: "Remove",
            value: item.id,
            style: "danger",
            confirm: "Remove this item from the work-plan?",
          },
        ],
      },
    ],
  };
}

export function removedMessage(activity: string): Message {
  return { summary: `Removed from the work-plan: ${shown(activity, 150)}` };
}

/** A reply that could not be read: why, and an example to copy. */
export function helpMessage(clusterId: string, reason: string, example: string): Message {
  return {
    summary: `I could not read that as a work-plan item: ${reason}.`,
    blocks: [
      { kind: "text", text: `I could not read that as a work-plan item: ${reason}.` },
      { kind: "text", title: "Write one item per reply, for example", text: example },
      { kind: "text", text: "Or fill in a form:", button: addButton(clusterId) },
    ],
  };
}

const maxPlanBlocks = 45;

export function planMessage(plans: { group: WorkingGroup; items: WorkPlanItemRecord[] }[]): Message {
  const blocks: Block[] = [];
  for (const { group, items } of plans) {
    blocks.push({ kind: "heading", text: shown(group.label, 140) });
    if (items.length === 0) {
      blocks.push({ kind: "context", text: "No items yet." });
      continue;
    }
    blocks.push({
      kind: "list",
      items: items.map((item) => ({ title: shown(item.activity, 150), text: planLine(item) })),
    });
  }
  const total = plans.reduce((sum, plan) => sum + plan.items.length, 0);
  const summary =
    plans.length === 1
      ? `Work-plan of “${shown(plans[0]?.group.label ?? "", 150)}”: ${total} item${total === 1 ? "" : "s"}`
      : `Work-plans of ${plans.length} working groups: ${total} items`;
  if (blocks.length > maxPlanBlocks) {
    const cut = blocks.slice(0, maxPlanBlocks);
    cut.push({ kind: "context", text: "More groups than one message holds: open each group's channel for its plan." });
    return { summary, blocks: cut };
  }
  return { summary, blocks: [{ kind: "text", text: summary }, ...blocks] };
}

function planLine(item: WorkPlanItemRecord): string {
  const timeline = describeTimeline({ start: item.startDate, end: item.endDate, milestone: item.milestone });
  const parts = [
    item.leadPartner ? `lead ${item.leadPartner}` : "no lead yet",
    item.contributors.length > 0 ? `with ${shown(item.contributors.join(", "), 120)}` : null,
    timeline,
    item.resources ? `resources: ${shown(item.resources, 120)}` : null,
    item.expectedBenefit ? `benefit: ${shown(item.expectedBenefit, 120)}` : null,
    item.ipr ? `IPR: ${shown(item.ipr, 120)}` : null,
  ];
  return parts.filter((part) => part !== null).join(" · ");
}

export interface CreationReport {
  created: string[];
  existing: string[];
  lost: { label: string; state: "archived" | "gone"; name: string | null }[];
  unreachable: number;
}

export function creationMessage(report: CreationReport): Message {
  const { created, existing, lost, unreachable } = report;
  const summary =
    created.length > 0
      ? `Created ${created.length} working-group channel${created.length === 1 ? "" : "s"}.`
      : "No new working-group channel: every approved cluster has one.";
  const blocks: Block[] = [{ kind: "text", text: summary }];
  if (created.length > 0)
    blocks.push({ kind: "list", items: created.map((name) => ({ text: `#${name}`, mark: "done" })) });
  if (existing.length > 0)
    blocks.push({
      kind: "context",
      text: `Already there: ${shown(existing.map((name) => `#${name}`).join(", "), 2000)}`,
    });
  if (lost.length > 0) {
    blocks.push({ kind: "heading", text: "Not recreated" });
    blocks.push({
      kind: "list",
      items: lost.map((channel) => ({
        title: shown(channel.label, 150),
        text: `#${channel.name ?? "?"} was ${channel.state === "archived" ? "archived" : "deleted"} by hand; unarchive it, or ask for a new channel.`,
        mark: "failed",
      })),
    });
  }
  if (unreachable > 0)
    blocks.push({
      kind: "context",
      text: `${unreachable} member${unreachable === 1 ? " has" : "s have"} no account in this workspace and could not be invited.`,
    });
  return { summary, blocks };
}
