// People's control over reminders (snooze, away, back) and a facilitator's nudge.

import { reminderActions, snoozedReminderMessage } from "../../core/reminders/messages.ts";
import { dateTime, rich } from "../../core/screens/text.ts";
import { reply } from "../interaction/reply.ts";
import { onAction, onCommand, type Route } from "../interaction/router.ts";
import { markAway, nudgeNow, snoozeReminders } from "./commands.ts";

export const reminderRoutes: Route[] = [
  onAction(reminderActions.snooze, async ({ deps, actor, interaction }) => {
    const until = await snoozeReminders(deps, actor, interaction.value);
    // The reminder itself says so (a snooze from elsewhere, with no message to rewrite, is answered privately).
    return interaction.where === "message"
      ? reply.edit(
          snoozedReminderMessage(interaction.value, until, (await deps.repos.people.find(actor.personId))?.timezone),
        )
      : reply.message(rich`Snoozed: no reminder before ${dateTime(until)}.`);
  }),

  onCommand("remind [acronym]", async ({ deps, actor, args }) =>
    reply.message(await nudgeNow(deps, actor, args.acronym)),
  ),

  onCommand("away [date]", async ({ deps, actor, args }) => {
    const until = await markAway(deps, actor, args.date ?? "");
    return reply.message(
      until
        ? `No reminders until ${until.toISOString().slice(0, 10)}. Welcome back then!`
        : "Welcome back: reminders are on again.",
    );
  }),

  onCommand("back", async ({ deps, actor }) => {
    await markAway(deps, actor, "back");
    return reply.message("Welcome back: reminders are on again.");
  }),
];
