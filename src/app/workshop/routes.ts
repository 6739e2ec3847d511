// Facilitators' workshop commands and the setup form.
import { z } from "zod";
import { searchTimezones } from "../../core/forms/workshop-setup.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { readContext } from "../../core/screens/context.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { homeActions } from "../homework/actions.ts";
import { reply } from "../interaction/reply.ts";
import { onAction, onCommand, onSubmit, onSuggest, type Route } from "../interaction/router.ts";
import { closeWorkshop } from "./lifecycle.ts";
import { setupSavedMessage } from "./messages.ts";
import { saveSetup, setupForm } from "./setup.ts";

/** The workshop the setup form edits (null: a new one) and the version it opened at. */
const setupContext = z.object({ workshop: z.string().nullable(), version: z.number().int().nonnegative().default(0) });

async function openSetup(deps: AppDependencies, actor: Actor) {
  const { form, workshopId, version } = await setupForm(deps, actor);
  return reply.open({ kind: "form", form, context: { workshop: workshopId, version } });
}

export const workshopRoutes: Route[] = [
  onCommand("setup", async ({ deps, actor }) => openSetup(deps, actor)),
  onAction(homeActions.setup, async ({ deps, actor }) => openSetup(deps, actor)),

  onSubmit("workshop.setup", async ({ deps, actor, interaction }) => {
    const opened = readContext(interaction.context, setupContext);
    const outcome = await saveSetup(deps, actor, opened?.workshop ?? null, interaction.values, opened?.version);
    if (!outcome.ok && "errors" in outcome) return reply.errors(outcome.errors);
    if (!outcome.ok) {
      // The form as it is now, with what this facilitator typed and who changed the setup meanwhile.
      const { form, workshopId, version } = await setupForm(deps, actor);
      const context = { workshop: workshopId, version };
      return reply.update({ kind: "form", form, context, values: interaction.values, errorSummary: outcome.stale });
    }
    const reader = await deps.repos.people.find(actor.personId);
    const zone = usableTimeZone(reader?.timezone, outcome.workshop.timezone);
    return reply.close({ message: setupSavedMessage(outcome.workshop, outcome.created, zone) });
  }),

  onSuggest("workshop.setup", "timezone", async ({ interaction }) =>
    reply.suggestions(searchTimezones(interaction.query).map((zone) => ({ value: zone, label: zone }))),
  ),

  onCommand("close", async ({ deps, actor }) => {
    const { workshop, cancelled, followUps } = await closeWorkshop(deps, actor);
    const groups =
      followUps > 0
        ? ` Working-group follow-ups ended (${followUps} planned one${followUps === 1 ? "" : "s"} cancelled); the groups' channels stay as they are.`
        : "";
    return reply.message(
      `Closed "${workshop.name}". ${cancelled} pending reminder${cancelled === 1 ? "" : "s"} cancelled.${groups}`,
    );
  }),
];
