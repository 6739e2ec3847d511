// The workshop's homework on the browser workspace, through the same interaction core as Slack and Teams: a
// facilitator sets up the workshop and a project by /cluster commands and forms (errors next to fields), opens the
// homework; the partner gets the invitation as a direct message, presses its button, and walks the overview panel
// and its steps in one dialog; type-ahead, the home view and the facilitator's status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { command, nextForm, nextPanel, press, startWebApp, submit, type WebApp } from "./app-harness.ts";
import type { LiveStream, WebPerson } from "./harness.ts";

const weekFromNow = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe.each(backends)("homework on the browser workspace (%s)", (backend) => {
  let web: WebApp;
  let fran: WebPerson;
  let ana: WebPerson;
  let franLive: LiveStream;
  let anaLive: LiveStream;
  let anaId: string;

  beforeAll(async () => {
    web = await startWebApp(backend);
    fran = await web.join("Fran Facilitator");
    ana = await web.join("Ana Partner");
    anaId = (await ana.me()).id;
    franLive = await fran.listen();
    anaLive = await ana.listen();
  });
  afterAll(() => web.stop());

  const texts = (stream: LiveStream) =>
    stream.events.flatMap((event) => (event.type === "message" ? [JSON.stringify(event.message.content)] : []));

  it("offers the core's command list to the message box", async () => {
    const boot = (await fran.get("/api/bootstrap")).body;
    expect(boot.botConnected).toBe(true);
    expect(boot.commands.map((word: { words: string }) => word.words)).toEqual(
      expect.arrayContaining(["help", "setup", "project add", "homework open", "status", "away YYYY-MM-DD"]),
    );
  });

  it("answers /cluster help privately where it was typed", async () => {
    await command(fran, web.general, "help");
    const help = await franLive.next(
      (event) => event.type === "message" && event.message.author.kind === "bot" && event.message.private,
    );
    expect(help.type === "message" && help.message).toMatchObject({
      channelId: web.general,
      content: { summary: "Clusterbot runs your project-clustering workshop." },
    });
    // No workshop yet: the help says how to start one.
    expect(JSON.stringify(help.type === "message" && help.message.content.blocks)).toContain("/cluster setup");
    // Ana sees neither the command nor the answer.
    const anaSees = (await ana.get("/api/messages", { channel: web.general })).body.messages;
    expect(anaSees.filter((message: { private: boolean }) => message.private)).toEqual([]);
  });

  it("sets up the workshop in a form: an error next to its field, then saved", async () => {
    await command(fran, web.general, "setup");
    const form = await nextForm(franLive, "workshop.setup");
    expect(form.fields.map((field) => field.kind)).toContain("datetime");
    const typed = {
      name: "Smart Manufacturing 2027",
      timezone: "Europe/Rome",
      homeworkDeadline: weekFromNow(),
      maxResultsPerProject: "12",
      reminderCadence: "7, 3, 1, 0",
    };
    const at = franLive.events.length;
    expect((await submit(fran, form, typed)).status).toBe(202);
    const withError = await nextForm(franLive, "workshop.setup", at);
    expect(withError.errors.maxResultsPerProject).toMatch(/1 to 10/);
    expect(withError.values).toMatchObject({ name: "Smart Manufacturing 2027", maxResultsPerProject: "12" });

    const second = await submit(fran, withError, { ...typed, maxResultsPerProject: "2" });
    expect(second.body).toMatchObject({ dialog: { status: "pending" } });
    await franLive.next((event) => event.type === "dialog" && event.dialog === null && event.closedId === form.id);
    await franLive.next(
      (event) =>
        event.type === "message" &&
        /Workshop "Smart Manufacturing 2027" created/.test(String(event.message.content.summary)),
    );
  });

  it("adds a project with a member picked from the workspace's people", async () => {
    await command(fran, web.general, "project add");
    const form = await nextForm(franLive, "project.add");
    await submit(fran, form, {
      acronym: "SMARTFAB",
      title: "Smart fabrication",
      partners: "Politecnico di Torino",
      members: [anaId],
    });
    await franLive.next((event) => event.type === "dialog" && event.dialog === null && event.closedId === form.id);
  });

  it("invites the partner by direct message; its button opens the overview, whose steps replace it in one dialog", async () => {
    await command(fran, web.general, "homework open");
    const invitation = await anaLive.next(
      (event) =>
        event.type === "message" &&
        /Homework for "Smart Manufacturing 2027" is open/.test(String(event.message.content.summary)),
    );
    if (invitation.type !== "message") throw new Error("no invitation");
    const dm = (await ana.get("/api/bootstrap")).body.channels.find((channel: { withBot: boolean }) => channel.withBot);
    expect(invitation.message.channelId).toBe(dm.id);
    expect(invitation.message.private).toBe(false);
    // The deadline is a date-time value, drawn in each reader's zone.
    expect(JSON.stringify(invitation.message.content.blocks)).toMatch(/"show":"datetime"/);
    const start = invitation.message.content.blocks
      ?.flatMap((block) => (block.kind === "buttons" ? block.buttons : []))
      .find((button) => button.label === "Start homework: SMARTFAB");
    expect(start).toBeDefined();
    await ana.post("/api/actions", {
      messageId: invitation.message.id,
      actionId: start!.actionId,
      value: start!.value,
    });

    const overview = await nextPanel(anaLive, "homework.overview");
    expect(overview.title).toBe("Homework: SMARTFAB");
    let at = anaLive.events.length;
    await press(ana, overview, "List results");
    const results = await nextForm(anaLive, "homework.results", at);
    expect(results.id).toBe(overview.id);

    // Nothing listed: the error is next to the first field, and the form stays.
    at = anaLive.events.length;
    await submit(ana, results, { result_1: "  " });
    const refused = await nextForm(anaLive, "homework.results", at);
    expect(Object.values(refused.errors).join(" ")).toMatch(/at least one exploitable result/);

    at = anaLive.events.length;
    await submit(ana, refused, { [results.fields[0]!.id]: "Predictive maintenance toolkit" });
    const refreshed = await nextPanel(anaLive, "homework.overview", at);
    expect(refreshed.id).toBe(overview.id);
    expect(JSON.stringify(refreshed.blocks)).toContain("Predictive maintenance toolkit");

    // Characterise: the form's two ways to submit are two buttons.
    at = anaLive.events.length;
    await press(ana, refreshed, "Characterise");
    const draft = await nextForm(anaLive, "homework.characterise", at);
    expect(draft.actions.map((action) => action.label)).toEqual(["Save draft", "Submit"]);
    // What a submission needs is marked: the others are optional.
    const required = Object.fromEntries(draft.fields.map((field) => [field.id, field.required]));
    expect(required).toMatchObject({ description: true, owners: true, keywords: false });

    // Submitting with required fields missing: errors next to them; kept as a draft instead: saved.
    at = anaLive.events.length;
    await submit(ana, draft, { description: "Predicts failures." }, "submitted");
    const missing = await nextForm(anaLive, "homework.characterise", at);
    expect(Object.keys(missing.errors).length).toBeGreaterThan(0);
    // Above the fields, what is missing and that a draft keeps what was typed.
    expect(missing.notice).toMatch(/^Not submitted yet: \d+ fields are still needed \(Type, .*save it as a draft/);
    at = anaLive.events.length;
    await submit(ana, missing, { description: "Predicts failures." }, "draft");
    await nextPanel(anaLive, "homework.overview", at);
  });

  it("answers a type-ahead through the core, with another project's results", async () => {
    const { repos } = web.app.deps;
    const workshop = await repos.workshops.current(web.bot.workspace.id);
    const grids = await repos.projects.create(workshop!.id, {
      acronym: "GRIDS",
      title: "Smart grids",
      partners: ["Fraunhofer IPT"],
      memberIds: [],
    });
    await repos.results.replaceList(grids.id, [{ title: "Grid fault detector" }]);
    const dialog = (await ana.get("/api/bootstrap")).body.dialog;
    let at = anaLive.events.length;
    await press(ana, dialog, "Add an interest");
    const interest = await nextForm(anaLive, "homework.interest", at);
    const field = interest.fields.find((candidate) => candidate.id === "resultId");
    if (field?.kind === "search") {
      const found = await ana.get("/api/dialogs/suggest", { dialog: interest.id, field: field.id, q: "fault" });
      expect(found.body.options).toEqual([
        { value: expect.any(String), label: expect.stringMatching(/Grid fault detector/) },
      ]);
    } else {
      expect(field).toMatchObject({
        kind: "choice",
        options: [{ label: expect.stringMatching(/Grid fault detector/) }],
      });
    }
    at = anaLive.events.length;
    await ana.post("/api/dialogs/close", { dialogId: interest.id, values: {} });
    await anaLive.next(
      (event) => anaLive.events.indexOf(event) >= at && event.type === "dialog" && event.dialog === null,
    );
  });

  it("draws the home view when the person looks at it", async () => {
    await ana.post("/api/home/opened");
    const home = await anaLive.next((event) => event.type === "home" && event.home !== null);
    expect(home.type === "home" && home.home).toMatchObject({ title: "Home" });
    expect(JSON.stringify(home.type === "home" && home.home?.blocks)).toContain("SMARTFAB");
  });

  it("shows the facilitator the homework status", async () => {
    const at = franLive.events.length;
    await command(fran, web.general, "status");
    await franLive.next(
      (event) =>
        franLive.events.indexOf(event) >= at &&
        event.type === "message" &&
        /Smart Manufacturing 2027/.test(String(event.message.content.summary)),
    );
    expect(texts(franLive).some((text) => text.includes("SMARTFAB"))).toBe(true);
  });
});
