// Facilitators' workshop commands and the setup form.
import { z } from "zod";
import { searchTimezones } from "../../core/forms/workshop-setup.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { readContext } from "../../core/screens/context.ts";
import { reply } from "../interaction/reply.ts";
import { onCommand, onSubmit, onSuggest, type Route } from "../interaction/router.ts";
import { closeWorkshop } from "./lifecycle.ts";
import { setupSavedMessage } from "./messages.ts";
import { saveSetup, setupForm } from "./setup.ts";

const setupContext = z.object({ workshop: z.string().nullable() });

export const workshopRoutes: Route[] = [
  onCommand("setup", async ({ deps, actor }) => {
    const { form, workshopId } = await setupForm(deps, actor);
    return reply.open({ kind: "form", form, context: { workshop: workshopId } });
  }),

  onSubmit("workshop.setup", async ({ deps, actor, interaction }) => {
    const workshopId = readContext(interaction.context, setupContext)?.workshop ?? null;
    const outcome = await saveSetup(deps, actor, workshopId, interaction.values);
    if (!outcome.ok) return reply.errors(outcome.errors);
    const reader = await deps.repos.people.find(actor.personId);
    const zone = usableTimeZone(reader?.timezone, outcome.workshop.timezone);
    return reply.close({ message: setupSavedMessage(outcome.workshop, outcome.created, zone) });
  }),

  onSuggest("workshop.setup", "timezone", async ({ interaction }) =>
    reply.suggestions(searchTimezones(interaction.query).map((zone) => ({ value: zone, label: zone }))),
  ),

  onCommand("close", async ({ deps, actor }) => {
    const { workshop, cancelled } = await closeWorkshop(deps, actor);
    return reply.message(
      `Closed "${workshop.name}". ${cancelled} pending reminder${cancelled === 1 ? "" : "s"} cancelled.`,
    );
  }),
];
