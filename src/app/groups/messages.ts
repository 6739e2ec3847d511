// What the working groups read: the kick-off, the prompts, the bot's answer to each thread reply, the plan.
// Pure functions of the data. User text is kept literal (each surface escapes it) and shortened where a very long
// reply would not fit a message.
import type { Block, Button, Fact } from "../../core/screens/blocks.ts";
import type { Message } from "../../core/screens/message.ts";
import { describeTimeline } from "../../core/workplan/dates.ts";
import {
  type FollowUpStatus,
  followUpStatuses,
  followUpStatusLabels,
  isFollowUpStatus,
} from "../../core/workplan/follow-up.ts";
import { topicPrompts, type WorkPlanTopic } from "../../core/workplan/topics.ts";
import type { WorkingGroup, WorkPlanItemRecord } from "../../store/repositories/working-groups.ts";

/** "Open working-group channels" under the announcement's confirmation: `/cluster groups create` in a button. */
export const createGroupsAction = "groups.create";

export const groupActions = {
  add: "workplan.add",
  edit: "workplan.edit",
  remove: "workplan.remove",
  /** A follow-up answer: value `<item id>:<status>`. */
  status: "workplan.status",
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
  const status = statusText(item);
  if (status) facts.push({ label: "Status", value: status });
  if (item.sourceDeleted) facts.push({ label: "Note", value: "the reply it came from was deleted; the item is kept" });
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

function statusText(item: WorkPlanItemRecord): string | null {
  if (!isFollowUpStatus(item.progress)) return null;
  const label = followUpStatusLabels[item.progress];
  const when = item.progressAt ? ` (${item.progressAt.toISOString().slice(0, 10)})` : "";
  return item.progressNote ? `${label}${when}: ${shown(item.progressNote, 200)}` : `${label}${when}`;
}

/** The root of a follow-up round's thread; a gentle prompt when the group has been quiet. */
export function followUpRoundMessage(
  group: WorkingGroup,
  round: number,
  openItems: number,
  quiet: boolean,
  weeks: number,
): Message {
  const summary =
    openItems > 0
      ? openItems === 1
        ? `Follow-up ${round}: how is the open item of the work-plan going?`
        : `Follow-up ${round}: how are the ${openItems} open items of the work-plan going?`
      : `Follow-up ${round}: the work-plan has no open item.`;
  const blocks: Block[] = [{ kind: "text", text: summary }];
  if (quiet)
    blocks.push({
      kind: "text",
      text: `It has been quiet here for ${weeks} week${weeks === 1 ? "" : "s"}. A line on where things stand helps everyone: what moved, what is stuck, who could help.`,
      button: addButton(group.clusterId),
    });
  if (openItems > 0)
    blocks.push({
      kind: "context",
      text: "Leads: press an answer under each item, or reply in this thread, e.g. “late: waiting for data” (“#2 done” when you lead several). Items without an answer for two follow-ups are pointed out to the facilitators.",
    });
  return { summary, blocks };
}

/** One item in a follow-up thread, numbered so a plain reply can name it ("#2 done"), with the four answers. */
export function followUpItemMessage(item: WorkPlanItemRecord, number: number): Message {
  const lead = item.leadPartner ? ` (lead ${item.leadPartner})` : "";
  return {
    summary: `#${number} Status of “${shown(item.activity, 150)}”${lead}?`,
    blocks: [
      { kind: "text", text: `#${number} Status of “${shown(item.activity, 300)}”${lead}?` },
      {
        kind: "buttons",
        buttons: followUpStatuses.map((status) => ({
          actionId: groupActions.status,
          label: followUpStatusLabels[status],
          value: `${item.id}:${status}`,
        })),
      },
    ],
  };
}

export function statusSavedMessage(item: WorkPlanItemRecord, status: FollowUpStatus): Message {
  return { summary: `Noted: “${shown(item.activity, 150)}” is ${followUpStatusLabels[status].toLowerCase()}.` };
}

/** To a facilitator: items silent for two follow-ups, and a group still quiet after a gentle prompt. */
export function facilitatorNoteMessage(
  group: WorkingGroup,
  silent: WorkPlanItemRecord[],
  quiet: boolean,
  weeks: number,
): Message {
  const label = shown(group.label, 150);
  const channel = group.channel?.name ? ` (#${group.channel.name})` : "";
  const parts = [
    silent.length > 0
      ? `${silent.length} item${silent.length === 1 ? " has" : "s have"} had no answer to two follow-ups`
      : null,
    quiet ? `the group has been quiet for over ${weeks} week${weeks === 1 ? "" : "s"}, even after a prompt` : null,
  ].filter((part) => part !== null);
  const summary = `Working group “${label}”${channel}: ${parts.join("; ")}.`;
  const blocks: Block[] = [{ kind: "text", text: summary }];
  if (silent.length > 0)
    blocks.push({
      kind: "list",
      items: silent.slice(0, 40).map((item) => ({
        title: shown(item.activity, 150),
        text: item.leadPartner ? `lead ${item.leadPartner}` : "no lead",
        mark: "failed",
      })),
    });
  blocks.push({ kind: "context", text: "“/cluster workplan” shows every group's plan with these flags." });
  return { summary, blocks };
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

export interface GroupPlan {
  group: WorkingGroup;
  items: WorkPlanItemRecord[];
  /** Items without an answer to two follow-ups. */
  flagged: ReadonlySet<string>;
}

export function planMessage(plans: GroupPlan[]): Message {
  const blocks: Block[] = [];
  for (const { group, items, flagged } of plans) {
    blocks.push({ kind: "heading", text: shown(group.label, 140) });
    if (items.length === 0) {
      blocks.push({ kind: "context", text: "No items yet." });
      continue;
    }
    blocks.push({
      kind: "list",
      items: items.map((item) => ({
        title: shown(item.activity, 150),
        text: flagged.has(item.id) ? `⚑ no answer to two follow-ups · ${planLine(item)}` : planLine(item),
        ...(flagged.has(item.id) ? { mark: "failed" as const } : {}),
      })),
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
    statusText(item),
    item.sourceDeleted ? "its message was deleted" : null,
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
