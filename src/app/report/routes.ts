// `/cluster report [format]` and `/cluster export [format]`: a facilitator asks in a channel, is answered at once
// ("Building the report…", privately), and the file is built from the database and shared in that channel after.
import { REPORT_FORMATS, type ReportFormat } from "../../core/report/formats.ts";
import { summaryActions } from "../../core/report/summary-message.ts";
import type { Message } from "../../core/screens/message.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import { currentWorkshop, facilitatedWorkshop, requireFacilitator } from "../access.ts";
import type { Actor } from "../context.ts";
import { EXPORT_FORMATS, type ExportFormat, exportWorkshop } from "../export/export-workshop.ts";
import { reply } from "../interaction/reply.ts";
import { onAction, onCommand, type Route, type RouteContext } from "../interaction/router.ts";
import type { FileUpload } from "../ports/channels.ts";
import { Refusal } from "../refusal.ts";
import { groupReportFile, workshopReportFile } from "./make-report.ts";
import { deliverSummaries, planSummaries, setSummariesOff, summariesPlannedMessage } from "./summaries.ts";

/**
 * PDF by default: it is the document a facilitator hands out (page numbers, the map, the same on every screen and
 * printer), and chat apps preview it in place; the other formats are for editing or reading the data.
 */
export const DEFAULT_REPORT_FORMAT: ReportFormat = "pdf";
/** The workbook by default: one file, the one `clusterbot import` and `analyze` read back. */
export const DEFAULT_EXPORT_FORMAT: ExportFormat = "xlsx";

export const reportRoutes: Route[] = [
  onCommand("report [format]", async (context) => {
    const { deps, actor, interaction } = context;
    const { workshop, group } = await reportScope(deps.repos, actor, interaction.channelId);
    const format = chosen(REPORT_FORMATS, context.args.format, DEFAULT_REPORT_FORMAT, "report");
    return shareLater(context, "report", workshop, async () => {
      const rendered = group
        ? await groupReportFile(deps.repos, deps.clock, workshop, group.clusterId, format)
        : await workshopReportFile(deps.repos, deps.clock, workshop.id, format);
      const base = fileBase(group ? `${workshop.name} ${group.label}` : workshop.name);
      const title = group ? `${group.label}: working group report` : `${workshop.name}: report`;
      return [rendered.main, ...rendered.attachments].map((file, k) => ({
        filename: k === 0 ? `${base}-report.${file.extension}` : file.extension,
        title: k === 0 ? title : `${workshop.name}: ${file.extension}`,
        bytes: file.content,
      }));
    });
  }),

  onCommand("export [format]", async (context) => {
    const workshop = await facilitatedWorkshop(context.deps.repos, context.actor);
    const format = chosen(EXPORT_FORMATS, context.args.format, DEFAULT_EXPORT_FORMAT, "export");
    return shareLater(context, "export", workshop, async () => {
      const { exported } = await exportWorkshop(context.deps.repos, workshop.id, format);
      const base = fileBase(workshop.name);
      if (exported.format === "xlsx")
        return [{ filename: `${base}-export.xlsx`, title: `${workshop.name}: export`, bytes: exported.workbook }];
      return [...exported.files].map(([name, text]) => ({
        filename: `${base}-${name}`,
        title: `${workshop.name}: ${name}`,
        bytes: new TextEncoder().encode(text),
      }));
    });
  }),
];

/** "Something back for every partner": each project's summary to its members; anyone may opt out (or in again). */
export const summaryRoutes: Route[] = [
  onCommand("summaries send", async ({ deps, actor, after }) => {
    const plan = await planSummaries(deps, actor);
    after(async () => {
      await deliverSummaries(deps, plan);
    });
    return reply.message(summariesPlannedMessage(plan));
  }),
  onCommand("summaries off", async ({ deps, actor }) => reply.message(await setSummariesOff(deps, actor, true))),
  onCommand("summaries on", async ({ deps, actor }) => reply.message(await setSummariesOff(deps, actor, false))),
  onAction(summaryActions.off, async ({ deps, actor }) => reply.message(await setSummariesOff(deps, actor, true))),
  onCommand("summaries", async () =>
    reply.message(
      "/cluster summaries send (facilitators): each project's summary to its members. /cluster summaries off or on: whether you receive yours.",
    ),
  ),
];

/**
 * In a working group's channel, that group's report, for its members and the facilitators; anywhere else, the
 * workshop's report, for the facilitators.
 */
async function reportScope(repos: Repositories, actor: Actor, channelId: string | undefined) {
  const workshop = await currentWorkshop(repos, actor);
  const found = channelId ? await repos.workingGroups.byChannel(actor.workspaceId, channelId) : null;
  const group = found?.workshopId === workshop.id ? found : null;
  if (!group) {
    await requireFacilitator(repos, actor, workshop);
    return { workshop, group: null };
  }
  if (!group.memberIds.includes(actor.personId) && !(await repos.workshops.isFacilitator(workshop.id, actor.personId)))
    throw new Refusal(
      "not_member",
      `Only the members of “${group.label}” and the facilitators can ask for its report.`,
    );
  return { workshop, group };
}

/** The format typed, the default when none was, or a refusal listing the formats. */
function chosen<F extends string>(formats: readonly F[], typed: string | undefined, fallback: F, what: string): F {
  if (typed === undefined) return fallback;
  const format = formats.find((f) => f === typed.trim().toLowerCase());
  if (format) return format;
  throw new Refusal(
    "invalid",
    `I can't make a ${what} as “${typed}”. Formats: ${formats.join(", ")} (default ${fallback}), e.g. /cluster ${what} ${fallback}.`,
  );
}

type Job = "report" | "export";

/**
 * Checks where it was asked (a channel), answers at once, and builds and uploads the files after
 * the answer; a failure then is told to the person in a direct message.
 */
function shareLater(
  { deps, actor, origin, interaction, after }: RouteContext & { interaction: { channelId?: string } },
  job: Job,
  workshop: { id: string; name: string },
  build: () => Promise<FileUpload[]>,
) {
  const channelId = interaction.channelId;
  if (!channelId)
    throw new Refusal("invalid", `Type /cluster ${job} in a channel or conversation: the file is shared there.`);
  const channel = { workspaceId: actor.workspaceId, channelId };
  after(async () => {
    try {
      for (const file of await build()) await deps.channels.upload(channel, file);
    } catch (error) {
      deps.logger.error({ err: error, job, workshopId: workshop.id }, `the ${job} could not be shared`);
      await deps.notify.notify({
        to: actor,
        key: `${job}-failed:${origin.deliveryId ?? deps.clock.now().getTime()}`,
        message: failed(job, workshop.name),
      });
    }
  });
  return reply.message(job === "report" ? "Building the report…" : "Building the export…");
}

function failed(job: Job, workshopName: string): Message {
  const text = `Sorry, the ${job} of “${workshopName}” could not be built or shared in that channel. Is the bot in the channel? Try again, or ask whoever runs Clusterbot to look at its log.`;
  return { summary: text, blocks: [{ kind: "text", text }] };
}

/** A file name from the workshop's name: letters and digits (any script) joined by dashes. */
function fileBase(name: string): string {
  const base = name
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "workshop";
}
