// The bot's side (what phase B's adapter will use): posting, updating, dialogs from FormSpecs, channels, home
// views, and the stream of what people do — through the in-process API against a real server and database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseWorkshopSetup, searchTimezones, workshopSetupForm } from "../../../src/core/forms/workshop-setup.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { WebBotError } from "../../../src/platforms/web/bot-api.ts";
import { createLiveHub } from "../../../src/platforms/web/live/hub.ts";
import type { FormDialogView, LiveEvent } from "../../../src/platforms/web/protocol.ts";
import { createWorkspaceService } from "../../../src/platforms/web/service/index.ts";
import { openWebStore } from "../../../src/store/web/index.ts";
import { backends } from "../../support/database.ts";
import { messageEvent, startTestWorkspace, type TestWorkspace, type WebPerson } from "./harness.ts";
import { connectRecordingBot, type RecordingBot } from "./recording-bot.ts";

const dialogEvent = (match: (dialog: FormDialogView) => boolean) => (event: LiveEvent) =>
  event.type === "dialog" && event.dialog?.kind === "form" && match(event.dialog);
const formOf = (event: LiveEvent) =>
  event.type === "dialog" && event.dialog?.kind === "form" ? event.dialog : undefined;
const setupScreen = (context: Record<string, string | number> = {}) => ({
  kind: "form" as const,
  form: workshopSetupForm(null, [], null),
  context,
});

describe.each(backends)("the bot API on %s", (backend) => {
  let workspace: TestWorkspace;
  let bot: RecordingBot;
  let ana: WebPerson;
  let bo: WebPerson;
  let ids: { ana: string; bo: string };
  let general: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace(backend);
    ana = await workspace.join("Ana");
    bo = await workspace.join("Bo");
    ids = { ana: (await ana.me()).id, bo: (await bo.me()).id };
    general = (await ana.get("/api/bootstrap")).body.channels.find((c: { name: string }) => c.name === "general").id;
    bot = connectRecordingBot(workspace.bot);
  });
  afterEach(() => {
    bot.onEvent = async () => undefined;
  });
  afterAll(() => workspace.stop());

  it("hears messages, thread replies and /cluster commands, and answers privately in the thread", async () => {
    const root = (await ana.post("/api/messages", { channelId: general, text: "Kick-off" })).body.message;
    const heard = await bot.next("message");
    expect(heard).toMatchObject({ userId: ids.ana, channelId: general, threadRootId: null, text: "Kick-off" });

    await bo.post("/api/messages", { channelId: general, threadRootId: root.id, text: "WP1: pilot in Turin" });
    expect(await bot.next("message")).toMatchObject({ userId: ids.bo, threadRootId: root.id });

    const anaLive = await ana.listen();
    bot.onEvent = async (event) => {
      if (event.type !== "command") return;
      await workspace.bot.post({
        to: { channelId: event.channelId },
        threadRootId: event.threadRootId ?? undefined,
        onlyVisibleTo: event.userId,
        content: { summary: `you asked for ${event.text}` },
      });
    };
    const command = await ana.post("/api/commands", {
      channelId: general,
      threadRootId: root.id,
      text: "/cluster  status ",
    });
    expect(command.status).toBe(202);
    expect(await bot.next("command")).toMatchObject({ userId: ids.ana, threadRootId: root.id, text: "status" });
    const answer = await anaLive.next(messageEvent("you asked for status"));
    expect(answer.type === "message" && answer.message).toMatchObject({ private: true, threadRootId: root.id });
    expect((await ana.post("/api/commands", { channelId: general, text: "/other thing" })).status).toBe(400);
  });

  it("hears files sent to it with their names and sizes, reads them on request, and not what two people say to each other", async () => {
    const between = (await ana.post("/api/direct", { with: ids.bo })).body.channel.id;
    expect((await ana.post("/api/messages", { channelId: between, text: "just between us" })).status).toBe(201);
    const withBot = (await ana.post("/api/direct", { with: "bot" })).body.channel.id;
    const bytes = new TextEncoder().encode("acronym,title\nSÃO,São Paulo\n");
    const sent = await ana.upload({ channelId: withBot, text: "the list" }, "São-projects.csv", bytes);
    expect(sent.status).toBe(201);
    const heard = await bot.next("message");
    expect(heard).toMatchObject({
      userId: ids.ana,
      channelId: withBot,
      conversation: "direct",
      threadRootId: null,
      text: "the list",
      files: [{ filename: "São-projects.csv", size: bytes.byteLength }],
    });
    expect(await workspace.bot.readFile(heard.files[0]!.fileId)).toEqual(bytes);
    await expect(workspace.bot.readFile("nope")).rejects.toMatchObject({ code: "not_found" });
    // The message between Ana and Bo was never handed over: the file's message is the next the bot heard.
    expect(bot.events.some((event) => event.type === "message" && event.channelId === between)).toBe(false);
    await ana.post("/api/messages", { channelId: general, text: "in the open" });
    expect(await bot.next("message")).toMatchObject({ conversation: "channel", text: "in the open", files: [] });
  });

  it("posts to a channel, a person's DM and a thread, and updates its own message", async () => {
    const boLive = await bo.listen();
    const posted = await workspace.bot.post({
      to: { userId: ids.bo },
      content: {
        summary: "Your homework is open",
        blocks: [
          { kind: "text", title: "Homework", text: "List your results by Friday." },
          { kind: "buttons", buttons: [{ actionId: "homework.start", label: "Start homework", value: "P1" }] },
        ],
      },
    });
    const dm = (await bo.get("/api/bootstrap")).body.channels.find((c: { withBot: boolean }) => c.withBot);
    expect(dm).toMatchObject({ id: posted.channelId, kind: "direct", name: "Clusterbot" });
    await boLive.next(messageEvent("Your homework is open"));

    const reply = await workspace.bot.post({
      to: { channelId: posted.channelId },
      threadRootId: posted.messageId,
      content: { summary: "Reminder" },
    });
    expect(reply.threadRootId).toBe(posted.messageId);
    await workspace.bot.update(posted.messageId, { summary: "Your homework is done" });
    const updated = await boLive.next(messageEvent("Your homework is done"));
    expect(updated.type === "message" && updated.message.version).toBe(2);

    await expect(workspace.bot.post({ to: { channelId: "nope" }, content: { summary: "x" } })).rejects.toBeInstanceOf(
      WebBotError,
    );
    await expect(
      workspace.bot.post({
        to: { channelId: general },
        content: { summary: "x", blocks: [{ kind: "buttons", buttons: [] }] },
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    const ownMessage = (await ana.post("/api/messages", { channelId: general, text: "mine" })).body.message;
    await expect(workspace.bot.update(ownMessage.id, { summary: "not yours" })).rejects.toThrow(/no such message/);
  });

  it("hears a button only if it is really in a message the person sees", async () => {
    const posted = await workspace.bot.post({
      to: { userId: ids.bo },
      content: {
        summary: "Start",
        blocks: [{ kind: "buttons", buttons: [{ actionId: "homework.start", label: "Go", value: "P1" }] }],
      },
    });
    expect(
      (await bo.post("/api/actions", { messageId: posted.messageId, actionId: "homework.start", value: "P1" })).status,
    ).toBe(202);
    expect(await bot.next("action")).toMatchObject({
      userId: ids.bo,
      actionId: "homework.start",
      value: "P1",
      source: { kind: "message", messageId: posted.messageId, channelId: posted.channelId },
    });
    // Another value than the button's, or someone who cannot see the message: refused, and the bot hears nothing.
    expect(
      (await bo.post("/api/actions", { messageId: posted.messageId, actionId: "homework.start", value: "P2" })).status,
    ).toBe(404);
    expect(
      (await ana.post("/api/actions", { messageId: posted.messageId, actionId: "homework.start", value: "P1" })).status,
    ).toBe(404);
    await workspace.bot.setHome(ids.ana, {
      kind: "panel",
      id: "home",
      title: "Your tasks",
      context: {},
      blocks: [{ kind: "text", text: "Homework", button: { actionId: "home.refresh", label: "Refresh", value: "" } }],
    });
    expect((await ana.get("/api/bootstrap")).body.home.title).toBe("Your tasks");
    expect((await ana.post("/api/actions", { messageId: null, actionId: "home.refresh", value: "" })).status).toBe(202);
    expect(await bot.next("action")).toMatchObject({
      userId: ids.ana,
      actionId: "home.refresh",
      source: { kind: "home" },
    });
    expect(bot.events.filter((event) => event.type === "action")).toHaveLength(2);
  });

  it("runs a FormSpec dialog: the person's raw values reach the bot, errors come back next to fields with the typed text kept", async () => {
    const anaLive = await ana.listen();
    const spec = workshopSetupForm(null, [], null);
    const { dialogId } = await workspace.bot.openDialog(ids.ana, {
      kind: "form",
      form: {
        ...spec,
        actions: {
          label: "Save how",
          choices: [
            { id: "draft", label: "Keep as draft" },
            { id: "save", label: "Save" },
          ],
        },
      },
      context: { step: "setup" },
    });
    const view = formOf(await anaLive.next(dialogEvent((dialog) => dialog.id === dialogId)));
    expect(view?.actions).toEqual([
      { id: "draft", label: "Keep as draft" },
      { id: "save", label: "Save", style: "primary" },
    ]);
    expect(view?.fields.map((field) => field.kind)).toEqual([
      "text",
      "longText",
      "search",
      "datetime",
      "number",
      "text",
      "channel",
      "people",
    ]);
    expect(view?.values).toMatchObject({ timezone: "UTC", maxResultsPerProject: "3", reminderCadence: "7, 3, 1, 0" });

    bot.onEvent = async (event) => {
      if (event.type !== "dialog.submit") return;
      const parsed = parseWorkshopSetup(event.values, new Date());
      if (!parsed.ok) await workspace.bot.showErrors(event.dialogId, parsed.errors, "Please check the fields.");
      else await workspace.bot.closeDialog(event.dialogId);
    };
    const typed = {
      name: "Smart Manufacturing 2027",
      maxResultsPerProject: "twelve",
      timezone: "UTC",
      junk: "dropped",
    };
    const submitted = await ana.post("/api/dialogs/submit", {
      dialogId,
      version: view!.version,
      actionId: "save",
      values: typed,
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body.dialog.status).toBe("pending");
    const heard = await bot.next("dialog.submit");
    expect(heard).toMatchObject({ action: "save", formId: "workshop.setup", context: { step: "setup" } });
    expect(heard.values).toMatchObject({ name: "Smart Manufacturing 2027", maxResultsPerProject: "twelve" });
    expect(heard.values).not.toHaveProperty("junk");

    const withErrors = await anaLive.next(
      dialogEvent((dialog) => dialog.id === dialogId && Object.keys(dialog.errors).length > 0),
    );
    const shown = formOf(withErrors);
    expect(shown?.status).toBe("open");
    expect(shown?.notice).toBe("Please check the fields.");
    expect(shown?.errors.maxResultsPerProject).toMatch(/how many results each project lists \(1 to 10\)/);
    expect(shown?.values).toMatchObject({ name: "Smart Manufacturing 2027", maxResultsPerProject: "twelve" });

    // A stale submission (an older version) is refused, not applied.
    expect(
      (await ana.post("/api/dialogs/submit", { dialogId, version: view!.version, actionId: "save", values: {} }))
        .status,
    ).toBe(409);

    await ana.post("/api/dialogs/submit", {
      dialogId,
      version: shown!.version,
      actionId: "save",
      values: { ...typed, maxResultsPerProject: "4" },
    });
    await anaLive.next((event) => event.type === "dialog" && event.dialog === null && event.closedId === dialogId);
    expect((await ana.get("/api/bootstrap")).body.dialog).toBeNull();
  });

  it("keeps a draft, gives it back on close, and answers a type-ahead", async () => {
    const { dialogId } = await workspace.bot.openDialog(ids.bo, { ...setupScreen({ n: 1 }), notifyOnClose: true });
    bot.onSuggest = async (query) => searchTimezones(query.query, 5).map((zone) => ({ value: zone, label: zone }));
    const found = await bo.get("/api/dialogs/suggest", { dialog: dialogId, field: "timezone", q: "rome" });
    expect(found.body.options).toEqual([{ value: "Europe/Rome", label: "Europe/Rome" }]);
    expect(bot.queries.at(-1)).toMatchObject({
      userId: ids.bo,
      fieldId: "timezone",
      formId: "workshop.setup",
      context: { n: 1 },
    });
    expect((await ana.get("/api/dialogs/suggest", { dialog: dialogId, field: "timezone", q: "x" })).status).toBe(404);

    await bo.post("/api/dialogs/draft", { dialogId, values: { name: "Half-typed" } });
    expect((await bo.get("/api/bootstrap")).body.dialog.values.name).toBe("Half-typed");
    await bo.post("/api/dialogs/close", { dialogId, values: { theme: "also this" } });
    expect(await bot.next("dialog.close")).toMatchObject({
      dialogId,
      values: { name: "Half-typed", theme: "also this" },
      context: { n: 1 },
    });
  });

  it("gives the form back with a notice when the bot fails, and closes it when the bot says nothing", async () => {
    const boLive = await bo.listen();
    bot.onEvent = async (event) => {
      if (event.type === "dialog.submit" && event.values.name === "boom") throw new Error("database down");
    };
    const first = await workspace.bot.openDialog(ids.bo, setupScreen());
    const version = (await bo.get("/api/bootstrap")).body.dialog.version;
    await bo.post("/api/dialogs/submit", {
      dialogId: first.dialogId,
      version,
      actionId: "submit",
      values: { name: "boom" },
    });
    const back = await boLive.next(dialogEvent((dialog) => dialog.id === first.dialogId && dialog.notice !== null));
    expect(formOf(back)).toMatchObject({ status: "open", values: { name: "boom" } });
    expect(formOf(back)?.notice).toMatch(/What you typed is kept/);

    const second = await workspace.bot.openDialog(ids.bo, setupScreen());
    await boLive.next((event) => event.type === "dialog" && event.dialog === null && event.closedId === first.dialogId);
    const next = (await bo.get("/api/bootstrap")).body.dialog;
    await bo.post("/api/dialogs/submit", {
      dialogId: second.dialogId,
      version: next.version,
      actionId: "submit",
      values: { name: "fine" },
    });
    await boLive.next(
      (event) => event.type === "dialog" && event.dialog === null && event.closedId === second.dialogId,
    );
  });

  it("gives a submission back to its person when the process stopped before the bot answered", async () => {
    let release: () => void = () => undefined;
    bot.onEvent = (event) =>
      event.type === "dialog.submit" ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    const { dialogId } = await workspace.bot.openDialog(ids.ana, setupScreen());
    const version = (await ana.get("/api/bootstrap")).body.dialog.version;
    await ana.post("/api/dialogs/submit", { dialogId, version, actionId: "submit", values: { name: "Typed before" } });
    await bot.next("dialog.submit");

    // Another process starting on the same database a minute later finds the submission nobody answered.
    const logger = createLogger("silent", false);
    const { workspace: row, repositories } = await openWebStore(workspace.database.database.prisma);
    const later = await createWorkspaceService({
      store: repositories,
      workspace: row,
      hub: createLiveHub({ heartbeatMs: 60_000, logger }),
      logger,
      now: () => new Date(Date.now() + 60_000),
    });
    const back = await later.dialogs.current(ids.ana);
    expect(back).toMatchObject({ id: dialogId, status: "open", values: { name: "Typed before" } });
    expect(back?.kind === "form" && back.notice).toMatch(/stopped before it answered/);
    release();
  });

  it("creates channels and adds members, who see them at once", async () => {
    const boLive = await bo.listen();
    const created = await workspace.bot.createChannel({
      name: "wg-smart-grids",
      visibility: "private",
      memberIds: [ids.ana],
    });
    await expect(
      workspace.bot.createChannel({ name: "wg-smart-grids", visibility: "public", memberIds: [] }),
    ).rejects.toMatchObject({
      code: "name_taken",
    });
    await expect(
      workspace.bot.createChannel({ name: "Bad Name!", visibility: "public", memberIds: [] }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await bo.get("/api/messages", { channel: created.channelId })).status).toBe(404);
    await workspace.bot.addMembers(created.channelId, [ids.bo]);
    await boLive.next((event) => event.type === "channel" && event.channel.id === created.channelId);
    await workspace.bot.post({
      to: { channelId: created.channelId },
      content: { summary: "Welcome to the working group" },
    });
    await boLive.next(messageEvent("Welcome to the working group"));
    expect((await workspace.bot.people()).map((person) => person.name)).toEqual(["Ana", "Bo"]);
  });

  it("keeps commands typed while no bot listens: recent ones are handed over when one connects, old ones answered", async () => {
    bot.disconnect();
    const anaLive = await ana.listen();
    const early = await ana.post("/api/commands", { channelId: general, text: "/cluster status" });
    expect(early.status).toBe(202);
    expect(early.body).toMatchObject({
      delivered: false,
      message: { private: true, content: { summary: "/cluster status" } },
    });
    const notice = await anaLive.next(
      (event) => event.type === "message" && /not connected just now/.test(String(event.message.content.summary)),
    );
    expect(notice.type === "message" && notice.message.private).toBe(true);
    // A command typed twenty minutes ago while no bot listened: too old to run now.
    const old = await ana.post("/api/commands", { channelId: general, text: "/cluster homework open" });
    await workspace.database.database.prisma.webMessage.update({
      where: { id: old.body.message.id },
      data: { createdAt: new Date(Date.now() - 20 * 60_000) },
    });

    bot = connectRecordingBot(workspace.bot);
    expect(await bot.next("command")).toMatchObject({ userId: ids.ana, channelId: general, text: "status" });
    const answered = await anaLive.next(
      (event) =>
        event.type === "message" &&
        Array.isArray(event.message.content.summary) &&
        /homework open" \($/.test(String(event.message.content.summary[0])),
    );
    expect(answered.type === "message" && answered.message.content.summary).toEqual([
      'Clusterbot was not running when you typed "/cluster homework open" (',
      { at: expect.any(String), show: "datetime" },
      "), so nothing happened. Please type it again.",
    ]);
    await workspace.web.service.context.bot.drain(5000);
    expect(
      bot.events.filter((event) => event.type === "command").map((event) => event.type === "command" && event.text),
    ).toEqual(["status"]);
    // Handed over once: a later connection hears nothing again.
    bot.disconnect();
    bot = connectRecordingBot(workspace.bot);
    await workspace.web.service.context.bot.drain(5000);
    expect(bot.events).toEqual([]);
  });
});
