// `/cluster import` in chat: the facilitator shares the spreadsheet in their direct message with the bot, and the
// same import as `clusterbot import FILE` runs on it — every row checked first, one line per problem with its
// place, then all of it written or nothing.
import type { Block } from "../../core/screens/blocks.ts";
import { formatFileIssue, WorkshopFileError } from "../../io/workshop-files/errors.ts";
import { readRecordData } from "../../io/workshop-records/read.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { SharedFile } from "../interaction/interaction.ts";
import { reply } from "../interaction/reply.ts";
import { onAny, onCommand, type Route } from "../interaction/router.ts";
import { Refusal } from "../refusal.ts";
import { describeImport } from "./describe.ts";
import { importIntoWorkshop } from "./import-workshop.ts";

const SPREADSHEET = /\.(xlsx|csv|json)$/i;
/** Far above a workshop's workbook (a 60-result export is tens of kilobytes); a bigger file is a mistake. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Slack shows at most 50 blocks in a message: the first problems, then how many more. */
const MAX_LISTED_ISSUES = 40;

export const importRoutes: Route[] = [
  onCommand("import", async ({ deps, actor }) => {
    const workshop = await facilitatedWorkshop(deps.repos, actor);
    return reply.message(
      `To import projects, partners and members (and homework, if you like) into “${workshop.name}”, share the .xlsx workbook — or the .csv files, one table each — in your one-to-one chat with Clusterbot (its direct messages). Every row is checked first; if one has a problem you get one line per problem and nothing is imported. Importing the same file again changes nothing. “/cluster export” shares a workbook in the same layout; “clusterbot import --template xlsx” writes an example.`,
    );
  }),

  onAny("files-shared", async ({ deps, actor, interaction }) => {
    const files = interaction.files.filter((file) => SPREADSHEET.test(file.name));
    // Nothing is read or changed, so anyone may hear what the conversation is for.
    if (files.length === 0) return reply.message(notSpreadsheets(interaction.files));
    const workshop = await facilitatedWorkshop(deps.repos, actor);
    const loaded = await readShared(files);
    if (!loaded.ok) return problems(loaded.lines);
    const outcome = await importIntoWorkshop(deps.repos, workshop.id, loaded.record.input);
    if (!outcome.ok)
      return problems(outcome.issues.map((i) => formatFileIssue(loaded.record.locate(i.path, i.message))));
    const warnings = loaded.record.warnings.map((w) => `Warning: ${formatFileIssue(w)}`);
    return reply.message([describeImport(workshop.name, outcome.summary), ...warnings].join("\n"));
  }),
];

function notSpreadsheets(files: SharedFile[]): string {
  const names = files.map((file) => `“${file.name}”`).join(", ");
  return `Clusterbot reads only spreadsheets shared here (a .xlsx workbook or .csv files, to import a workshop's projects; see “/cluster import”). It left ${names} unread.`;
}

function tooLarge(file: SharedFile): Refusal {
  return new Refusal(
    "invalid",
    `${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: that is not a workshop's spreadsheet. Nothing was imported.`,
  );
}

async function readShared(files: SharedFile[]) {
  const tooBig = files.find((file) => (file.size ?? 0) > MAX_IMPORT_BYTES);
  if (tooBig) throw tooLarge(tooBig);
  const data = await Promise.all(
    files.map(async (file) => {
      const bytes = await file.read(MAX_IMPORT_BYTES);
      if (bytes === "too-large") throw tooLarge(file);
      if (bytes === "unavailable")
        throw new Refusal(
          "invalid",
          `Clusterbot could not fetch “${file.name}”: it was removed, or the link to it has expired. Share the file again. Nothing was imported.`,
        );
      return { name: file.name, bytes };
    }),
  );
  try {
    return { ok: true as const, record: await readRecordData(data) };
  } catch (error) {
    if (!(error instanceof WorkshopFileError)) throw error;
    return { ok: false as const, lines: error.issues.map(formatFileIssue) };
  }
}

function problems(lines: string[]) {
  const listed = lines.slice(0, MAX_LISTED_ISSUES);
  const more = lines.length - listed.length;
  const blocks: Block[] = [
    {
      kind: "text",
      text: `Nothing was imported: the file has ${lines.length} problem${lines.length === 1 ? "" : "s"}. Fix them and share it again.`,
    },
    ...listed.map((text): Block => ({ kind: "text", text })),
    ...(more > 0 ? [{ kind: "text", text: `… and ${more} more.` } as Block] : []),
  ];
  return reply.message({
    summary: `Nothing was imported: the file has ${lines.length} problem${lines.length === 1 ? "" : "s"}.`,
    blocks,
  });
}
