import type { Repositories } from "../../store/repositories/index.ts";
import type { WorkshopListing } from "../../store/repositories/workshop-records.ts";
import { Refusal } from "../refusal.ts";

/**
 * The workshop a command names by id or exact name; with no name, the only workshop that is not closed. Anything
 * else is refused with the list to choose from.
 */
export async function chooseWorkshop(repos: Repositories, idOrName?: string): Promise<WorkshopListing> {
  const all = await repos.workshopRecords.list();
  const wanted = idOrName?.trim();
  const found = wanted
    ? all.filter((w) => w.id === wanted || w.name === wanted)
    : all.filter((w) => w.phase !== "closed");
  if (found.length === 1) return found[0]!;
  const listing = all.map((w) => `  ${w.id}  ${w.name} (${w.phase}, ${w.workspace})`).join("\n");
  if (all.length === 0) throw new Refusal("not_found", "There is no workshop in this database yet.");
  const reason = wanted
    ? found.length === 0
      ? `There is no workshop "${wanted}".`
      : `Several workshops are named "${wanted}"; give its id.`
    : "Several workshops are open; say which with --workshop ID.";
  throw new Refusal("not_found", `${reason} Workshops:\n${listing}`);
}
