// `/cluster report` and `/cluster export` in a Slack channel: a quick private answer, then the file shared in the
// channel through filesUploadV2 (the stand-in's three calls), built from what the workshop holds.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommandForm } from "../../standins/slack/payloads.ts";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { seedWorkshop, waitFor } from "../../support/slack-seed.ts";

const general = "C0GENERAL01";

describe.each(backends)("/cluster report and export on %s", (backend) => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    const seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] }]);
    await harness.deps.repos.projects.create(seeded.workshop.id, {
      acronym: "LODZ",
      title: "Łódź smart harbour",
      partners: ["Politechnika Łódzka", "Müller GmbH", "Universidade de São Paulo"],
      memberIds: [seeded.personIds.ben],
    });
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const sharedIn = (channel: string) =>
    [...slack().state.files.values()].filter((file) => file.channels.includes(channel) && file.bytes);
  const privateAnswers = (userId: string) =>
    slack()
      .state.responseUrlPosts.filter((post) => post.userId === userId)
      .map((post) => JSON.stringify(post.body));

  async function command(userId: string, text: string) {
    const sent = await slack().driver.slashCommand({ command: "/cluster", text, userId, channelId: general });
    expect(sent.status).toBe(200);
    return sent;
  }

  it("answers a facilitator at once, then shares the Markdown report in the channel it was asked in", async () => {
    const before = sharedIn(general).length;
    await command(users.facilitator, "report md");
    await waitFor(() => privateAnswers(users.facilitator).some((text) => text.includes("Building the report")));
    await waitFor(() => sharedIn(general).length > before);
    await harness.core.settled();

    const report = sharedIn(general).find((file) => file.filename.endsWith("-report.md"));
    expect(report?.filename).toBe("Seeded-workshop-report.md");
    const text = report?.bytes?.toString("utf8") ?? "";
    expect(text).toContain("ALPHA");
    expect(text).toContain("Łódź smart harbour");
    expect(text).toContain("Müller GmbH");
    expect(text).toContain("São Paulo");
  });

  it("shares the export workbook, which reads back with every project", async () => {
    const before = sharedIn(general).length;
    await command(users.facilitator, "export xlsx");
    await waitFor(() => sharedIn(general).length > before);
    await harness.core.settled();

    const file = sharedIn(general).find((f) => f.filename === "Seeded-workshop-export.xlsx");
    expect(file?.bytes).toBeDefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file!.bytes! as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.value));
        });
      }),
    );
    expect(cells).toEqual(expect.arrayContaining(["ALPHA", "LODZ", "Łódź smart harbour", "Sensor kit"]));
  });

  it("refuses a partner, and shares nothing", async () => {
    const before = slack().state.files.size;
    await command(users.ana, "report");
    await waitFor(() => privateAnswers(users.ana).some((text) => text.includes("Only the facilitators")));
    await command(users.ana, "export");
    await waitFor(
      () => privateAnswers(users.ana).filter((text) => text.includes("Only the facilitators")).length === 2,
    );
    await harness.core.settled();
    expect(slack().state.files.size).toBe(before);
  });

  it("lists the formats when the one asked for is unknown", async () => {
    await command(users.facilitator, "report odt");
    await waitFor(() => privateAnswers(users.facilitator).some((text) => text.includes("“odt”")));
    const answer = privateAnswers(users.facilitator).find((text) => text.includes("“odt”"));
    expect(answer).toContain("md, html, pdf, docx, xlsx");
  });

  it("tells the facilitator in a DM when the file cannot be shared (a private channel the bot is not in)", async () => {
    const shared = () => [...slack().state.files.values()].filter((file) => file.channels.length > 0).length;
    const before = shared();
    const dm = slack().state.imWith(users.facilitator).id;
    const sent = await slack().driver.slashCommand({
      command: "/cluster",
      text: "report md",
      userId: users.facilitator,
      channelId: "C0PRIVATE01",
    });
    expect(sent.status).toBe(200);
    await waitFor(() =>
      slack()
        .state.messagesIn(dm)
        .some((message) => message.text.includes("could not be built or shared")),
    );
    await harness.core.settled();
    expect(shared()).toBe(before);
  });

  it("uploads once when the same command request is delivered twice", async () => {
    const before = slack().state.files.size;
    const first = await command(users.facilitator, "report html");
    const again = slashCommandForm(slack().state, {
      command: "/cluster",
      text: "report html",
      userId: users.facilitator,
      channelId: general,
      triggerId: first.triggerId,
      responseUrl: first.responseUrl,
    });
    const retried = await slack().driver.raw({
      body: again,
      contentType: "application/x-www-form-urlencoded",
      retryNum: 1,
      retryReason: "http_timeout",
    });
    expect(retried.status).toBe(200);
    await waitFor(() => slack().state.files.size > before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await harness.core.settled();
    expect(slack().state.files.size).toBe(before + 1);
  });
});
