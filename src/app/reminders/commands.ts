// The people-facing side of reminders, as the chat adapters call it: snooze, away, and a facilitator's nudge.
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import type { Block } from "../../core/screens/blocks.ts";
import type { Message } from "../../core/screens/message.ts";
import { dateTime, rich } from "../../core/screens/text.ts";
import { echo } from "../../core/text/index.ts";
import { currentWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { setAway, snooze } from "./preferences.ts";
import { type HoldReason, type RemindNowResult, remindNow } from "./remind-now.ts";

export async function snoozeReminders(deps: AppDependencies, actor: Actor, workshopId: string): Promise<Date> {
  const workshop = await deps.repos.workshops.find(workshopId);
  if (!workshop || workshop.workspaceId !== actor.workspaceId)
    throw new Refusal("not_found", "That workshop is no longer here.");
  return snooze(deps, actor.personId, workshopId);
}

/** "I'm away until …": a date (YYYY-MM-DD, read in the person's timezone as the start of that day) or "back". */
export async function markAway(deps: AppDependencies, actor: Actor, text: string): Promise<Date | null> {
  if (/^back$/i.test(text.trim())) {
    await setAway(deps, actor.personId, null);
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const until = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!until || Number.isNaN(until.getTime()) || until <= deps.clock.now()) {
    throw new Refusal(
      "conflict",
      "Give the day you are back, in the future, as YYYY-MM-DD: e.g. `/cluster away 2026-12-07`.",
    );
  }
  await setAway(deps, actor.personId, until);
  return until;
}

export async function nudgeNow(deps: AppDependencies, actor: Actor, acronym?: string): Promise<Message> {
  const workshop = await currentWorkshop(deps.repos, actor);
  const result = await remindNow(deps, workshop.id, actor.personId, acronym);
  switch (result.status) {
    case "not_found":
      throw new Refusal("no_workshop", "There is no workshop here yet.");
    case "not_facilitator":
      throw new Refusal("not_facilitator", `Only the facilitators of "${workshop.name}" can do that.`);
    case "homework_not_open":
      throw new Refusal("conflict", "Homework is not open, so there is nothing to remind people of.");
    case "unknown_project":
      throw new Refusal("not_found", `There is no project "${echo(result.acronym)}" in this workshop.`);
    case "queued": {
      const reader = await deps.repos.people.find(actor.personId);
      return remindedMessage(result, usableTimeZone(reader?.timezone, workshop.timezone));
    }
  }
}

const holdWords: Record<HoldReason, string> = {
  away: "away",
  snoozed: "snoozed",
  "reminded recently": "reminded in the last 12 hours (one reminder per half day)",
  "quiet hours": "quiet hours",
  "do not disturb": "do not disturb",
};

type Queued = Extract<RemindNowResult, { status: "queued" }>;

/** Who gets the reminder now, who is held and until when, who was reminded already, which projects are done. */
export function remindedMessage(result: Queued, zone: string): Message {
  const names = (people: { displayName: string }[]) => people.map((person) => person.displayName).join(", ");
  const now = result.queued.filter((person) => !person.heldUntil);
  const held = result.queued.filter((person) => person.heldUntil);
  const summary = now.length > 0 ? `Reminding now: ${names(now)}.` : "Nobody can be reminded right now.";
  const blocks: Block[] = [{ kind: "text", text: summary }];
  if (held.length > 0)
    blocks.push({
      kind: "list",
      items: held.map((person) => ({
        title: person.displayName,
        text: rich`${holdWords[person.heldBecause ?? "do not disturb"]}: gets it ${dateTime(person.heldUntil as Date, "datetime", zone)}`,
        mark: "pending" as const,
      })),
    });
  if (result.recentlyNudged.length > 0)
    blocks.push({ kind: "text", text: `Already reminded in the last hour: ${names(result.recentlyNudged)}.` });
  if (result.doneProjects.length > 0)
    blocks.push({ kind: "text", text: `Done already, not reminded: ${result.doneProjects.join(", ")}.` });
  if (result.queued.length === 0 && result.recentlyNudged.length === 0 && result.doneProjects.length === 0)
    blocks.push({ kind: "text", text: "No project has members to remind." });
  return { summary, blocks };
}
