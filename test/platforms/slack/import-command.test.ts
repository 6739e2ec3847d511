// `/cluster import` in Slack: the facilitator shares a spreadsheet in their DM with the bot (a signed `file_share`
// message event; the bot downloads the file from the stand-in with its token) and the core's import runs on it —
// all rows checked first, one line per bad row, all or nothing, the same file twice changes nothing.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { badProjectsCsv, goodProjectsCsv } from "../../support/import-files.ts";
import { users } from "../../support/slack-bot.ts";
import { seededSlackBot, waitFor } from "../../support/slack-seed.ts";

const general = "C0GENERAL01";

const goodProjects = goodProjectsCsv(`slack:${users.cleo}`);
/** Rows 2 and 4 name a Teams user in a Slack workspace; row 3 is fine but must not be imported either. */
const badProjects = badProjectsCsv(["teams:29:abc", "teams:29:def"], `slack:${users.ben}`);

describe.each(backends)("/cluster import from a file shared in Slack on %s", (backend) => {
  const bot = seededSlackBot(backend, [{ acronym: "ALPHA", members: ["ana"] }]);

  const slack = () => bot.harness.slack;
  const dmOf = (userId: string) => slack().state.imWith(userId).id;
  const dmAnswers = (userId: string) =>
    slack()
      .state.ephemerals.filter((m) => m.channel === dmOf(userId) && m.user === userId)
      .map((m) => ({ text: m.text, blocks: JSON.stringify(m.blocks ?? []) }));
  const acronyms = async () =>
    (await bot.harness.deps.repos.projects.list(bot.seeded.workshop.id)).map((p) => p.acronym).sort();

  async function share(userId: string, filename: string, content: string | Uint8Array) {
    const before = dmAnswers(userId).length;
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
    const sent = await slack().driver.userSharesFile({ userId, filename, bytes });
    expect(sent.status).toBe(200);
    await waitFor(() => dmAnswers(userId).length > before);
    return { ...dmAnswers(userId)[before]!, fileId: sent.fileId };
  }

  async function status(): Promise<string> {
    const sent = await slack().driver.slashCommand({
      command: "/cluster",
      text: "status",
      userId: users.facilitator,
      channelId: general,
    });
    const answer = () =>
      slack()
        .state.responseUrlPosts.filter((post) => sent.responseUrl.endsWith(`/response/${post.id}`))
        .map((post) => JSON.stringify(post.body));
    await waitFor(() => answer().length > 0);
    return answer().join();
  }

  it("tells a facilitator to share the file in the DM, and refuses a partner", async () => {
    const asked = await slack().driver.slashCommand({
      command: "/cluster",
      text: "import",
      userId: users.facilitator,
      channelId: general,
    });
    const refused = await slack().driver.slashCommand({
      command: "/cluster",
      text: "import",
      userId: users.ana,
      channelId: general,
    });
    const answers = (url: string) =>
      slack()
        .state.responseUrlPosts.filter((post) => url.endsWith(`/response/${post.id}`))
        .map((post) => JSON.stringify(post.body))
        .join();
    await waitFor(() => answers(asked.responseUrl).length > 0 && answers(refused.responseUrl).length > 0);
    expect(answers(asked.responseUrl)).toContain("one-to-one chat with Clusterbot");
    expect(answers(refused.responseUrl)).toContain("Only the facilitators");
  });

  it("imports a good file shared by a facilitator; the same file again changes nothing", async () => {
    const first = await share(users.facilitator, "projects.csv", goodProjects);
    expect(first.text).toContain("2 projects created");
    expect(slack().state.files.get(first.fileId)?.downloads).toBe(1);
    expect(await acronyms()).toEqual(["ALPHA", "DELTA", "GAMMA"]);
    const shown = await status();
    expect(shown).toContain("GAMMA");
    expect(shown).toContain("DELTA");

    const again = await share(users.facilitator, "projects.csv", goodProjects);
    expect(again.text).toContain("Nothing to change");
    expect(await acronyms()).toEqual(["ALPHA", "DELTA", "GAMMA"]);
  });

  it("reads a workbook too", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("projects");
    sheet.addRow(["acronym", "title"]);
    sheet.addRow(["THETA", "Théta workbook project"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const answer = await share(users.facilitator, "homework.xlsx", bytes);
    expect(answer.text).toContain("1 project created");
    expect(await acronyms()).toContain("THETA");
  });

  it("answers a bad file with one line per bad row and imports nothing", async () => {
    const answer = await share(users.facilitator, "projects.csv", badProjects);
    expect(answer.text).toContain("Nothing was imported: the file has 2 problems");
    const lines = (JSON.parse(answer.blocks) as { text?: { text?: string } }[]).map((block) => block.text?.text ?? "");
    const problems = lines.filter((line) => line.startsWith("projects.csv"));
    expect(problems).toEqual([
      'projects.csv, row 2, column C, field "members": "teams:29:abc" is a teams user, but this workshop runs on slack',
      'projects.csv, row 4, column C, field "members": "teams:29:def" is a teams user, but this workshop runs on slack',
    ]);
    for (const acronym of ["EPS", "ZETA", "ETA"]) expect(await acronyms()).not.toContain(acronym);
  });

  it("says what the DM takes for a file that is not a spreadsheet, without downloading it", async () => {
    const answer = await share(users.ana, "agenda.pdf", "%PDF-1.7");
    expect(answer.text).toContain("reads only spreadsheets");
    expect(answer.text).toContain("agenda.pdf");
    expect(slack().state.files.get(answer.fileId)?.downloads ?? 0).toBe(0);
  });

  it("refuses a partner's file without downloading it", async () => {
    const answer = await share(users.ana, "projects.csv", "acronym,title\nIOTA,Iota\n");
    expect(answer.text).toContain("Only the facilitators");
    expect(slack().state.files.get(answer.fileId)?.downloads ?? 0).toBe(0);
    expect(await acronyms()).not.toContain("IOTA");
  });
});
