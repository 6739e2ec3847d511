// The browser workspace in a real browser (Debian's Chromium): sign-in, channels, threads, live updates between
// two people, a dialog rendered from a FormSpec with its field errors, invite links, and no console errors.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { characterisationForm } from "../../src/core/forms/homework.ts";
import { ownerOptionValue } from "../../src/core/forms/owner-options.ts";
import { parseWorkshopSetup, searchTimezones, workshopSetupForm } from "../../src/core/forms/workshop-setup.ts";
import { startTestWorkspace, type TestWorkspace } from "../platforms/web/harness.ts";
import { connectRecordingBot, type RecordingBot } from "../platforms/web/recording-bot.ts";
import { draftResult } from "../support/workshop-homework.ts";
import { launchChromium, openConversation, openPage, screenshotDir, screenshotPath, signInByName } from "./chromium.ts";

const slow = { timeout: 120_000 };

/** Runs in the page: is this element the one with focus? */
const isFocused = (element: { ownerDocument: { activeElement: unknown } }) =>
  element.ownerDocument.activeElement === element;

describe("the browser workspace in Chromium", () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let bot: RecordingBot;
  const errors: string[] = [];
  const setup = workshopSetupForm(null, [], null);

  beforeAll(async () => {
    workspace = await startTestWorkspace("pglite");
    bot = connectRecordingBot(workspace.bot);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
    process.stdout.write(`screenshots in ${screenshotDir}\n`);
  });
  afterEach(() => {
    bot.onEvent = async () => undefined;
    expect(errors).toEqual([]);
  });

  const signIn = (name: string) => signInByName(browser, workspace.url, name, errors);
  const openGeneral = (page: Page) => openConversation(page, /general/, "#general");

  const messages = (page: Page) => page.getByRole("list", { name: "Messages in #general" });

  it("signs in by name, posts in a channel and replies in a thread", slow, async () => {
    const page = await signIn("Ana Lima");
    await page.screenshot({ path: screenshotPath("01-home") });
    await openGeneral(page);
    const box = page.getByLabel("Message #general");
    await box.fill("Hello, this is the kick-off of the Smart Manufacturing cluster.");
    await box.press("Enter");
    const posted = messages(page).getByTestId("message").filter({ hasText: "kick-off" });
    await posted.waitFor();
    expect(await box.inputValue()).toBe("");

    await posted.getByRole("button", { name: "Reply in thread" }).click();
    const thread = page.getByRole("complementary", { name: "Thread" });
    const reply = thread.getByLabel("Reply in thread");
    await expect.poll(() => reply.evaluate(isFocused)).toBe(true);
    await reply.fill("WP1: a pilot line in Turin, led by Politecnico.");
    await reply.press("Enter");
    await thread.getByText("WP1: a pilot line in Turin").waitFor();
    await posted.getByRole("button", { name: "1 reply" }).waitFor();
    await page.screenshot({ path: screenshotPath("02-channel-thread") });
  });

  it("shows two people each other's messages and replies live", slow, async () => {
    const [ana, bo] = [await signIn("Ana Live"), await signIn("Bo Chen")];
    await openGeneral(ana);
    await openGeneral(bo);
    await ana.getByLabel("Message #general").fill("Bo, can you lead the data set task?");
    await ana.getByLabel("Message #general").press("Enter");
    const onBo = messages(bo).getByTestId("message").filter({ hasText: "lead the data set task" });
    await onBo.waitFor();
    await bo.getByTestId("announce-polite").filter({ hasText: "Ana Live in #general: Bo, can you lead" }).waitFor();

    await onBo.getByRole("button", { name: "Reply in thread" }).click();
    await bo.getByRole("complementary", { name: "Thread" }).getByLabel("Reply in thread").fill("Yes, from March.");
    await bo.getByRole("complementary", { name: "Thread" }).getByLabel("Reply in thread").press("Enter");
    const onAna = messages(ana).getByTestId("message").filter({ hasText: "lead the data set task" });
    await onAna.getByRole("button", { name: "1 reply" }).waitFor();

    // A direct message arrives in the sidebar with an unread count.
    await bo.getByRole("button", { name: "New direct message" }).click();
    const dialog = bo.getByRole("dialog", { name: "New direct message" });
    await dialog.getByLabel("To").selectOption({ label: "Ana Live" });
    await dialog.getByRole("button", { name: "Open conversation" }).click();
    await bo.getByRole("heading", { name: "Ana Live" }).waitFor();
    await bo.getByLabel("Message Ana Live").fill("Sent you the draft plan.");
    await bo.getByLabel("Message Ana Live").press("Enter");
    await ana.getByRole("link", { name: /Bo Chen.*1 unread/ }).waitFor();
  });

  it(
    "renders a FormSpec dialog: an error next to its field, typed text kept, type-ahead, focus in and out",
    slow,
    async () => {
      bot.onEvent = async (event) => {
        if (event.type === "command" && event.text === "setup") {
          await workspace.bot.openDialog(event.userId, {
            kind: "form",
            form: {
              ...setup,
              actions: {
                label: "Save how",
                choices: [
                  { id: "draft", label: "Keep as draft" },
                  { id: "save", label: "Save" },
                ],
              },
            },
            context: { command: "setup" },
          });
        }
        if (event.type === "dialog.submit") {
          const parsed = parseWorkshopSetup(event.values, new Date());
          if (parsed.ok) await workspace.bot.closeDialog(event.dialogId);
          else await workspace.bot.showErrors(event.dialogId, parsed.errors);
        }
      };
      bot.onSuggest = async (query) => searchTimezones(query.query, 8).map((zone) => ({ value: zone, label: zone }));
      const page = await signIn("Fran Facilitator");
      await openGeneral(page);

      // The command box completes the command words.
      const box = page.getByLabel("Message #general");
      await box.fill("/cluster se");
      await page.getByRole("listbox", { name: "/cluster commands" }).getByRole("option", { name: /setup/ }).waitFor();
      await box.press("Enter");
      expect(await box.inputValue()).toBe("/cluster setup");
      await box.press("Enter");

      const dialog = page.getByRole("dialog", { name: "New workshop" });
      await dialog.waitFor();
      const name = dialog.getByLabel("Workshop name");
      await expect.poll(() => name.evaluate(isFocused)).toBe(true);
      await name.fill("Smart Manufacturing 2027");
      const results = dialog.getByLabel("Results per project");
      await results.fill("twelve");
      await dialog.getByRole("button", { name: "Keep as draft" }).waitFor();
      await dialog.getByRole("button", { name: "Save" }).click();

      const error = dialog.locator('[data-field="maxResultsPerProject"] .field-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/how many results each project lists/);
      expect(await results.inputValue()).toBe("twelve");
      expect(await name.inputValue()).toBe("Smart Manufacturing 2027");
      expect(await results.getAttribute("aria-invalid")).toBe("true");
      expect(await results.getAttribute("aria-describedby")).toContain(await error.getAttribute("id"));
      const summary = dialog.getByRole("alert").filter({ hasText: "There is a problem" });
      await expect.poll(() => summary.evaluate(isFocused)).toBe(true);
      await page.screenshot({ path: screenshotPath("03-dialog-field-error") });

      // The summary's link takes focus to the field; the type-ahead asks the bot as the person types.
      await summary.getByRole("link", { name: /Results per project/ }).click();
      await expect.poll(() => results.evaluate(isFocused)).toBe(true);
      await page.screenshot({ path: screenshotPath("04-dialog-field-focused") });
      await results.fill("4");
      const timezone = dialog.getByRole("combobox", { name: "Timezone" });
      await timezone.fill("rome");
      await dialog.getByRole("option", { name: "Europe/Rome" }).click();
      expect(await timezone.inputValue()).toBe("Europe/Rome");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });
      const saved = bot.events.filter((event) => event.type === "dialog.submit").at(-1);
      expect(saved?.type === "dialog.submit" && saved.values).toMatchObject({
        name: "Smart Manufacturing 2027",
        maxResultsPerProject: "4",
        timezone: "Europe/Rome",
      });
      // Focus is back where the person was.
      await expect.poll(() => box.evaluate(isFocused)).toBe(true);
    },
  );

  it("shows the bot's messages with their blocks, and a pressed button reaches the bot", slow, async () => {
    const page = await signIn("Hana Partner");
    const userId = (await workspace.bot.people()).find((person) => person.name === "Hana Partner")!.id;
    await workspace.bot.post({
      to: { userId },
      content: {
        summary: "Your homework for SMARTFAB is open",
        blocks: [
          { kind: "heading", text: "Homework for SMARTFAB" },
          {
            kind: "text",
            text: "List the project's most significant exploitable results, then characterise each one.",
          },
          {
            kind: "facts",
            facts: [
              { label: "Deadline", value: "Friday 12 March, 17:00 (Europe/Rome)" },
              { label: "Results", value: "up to 3" },
            ],
          },
          {
            kind: "buttons",
            buttons: [{ actionId: "homework.start", label: "Start homework", value: "SMARTFAB", style: "primary" }],
          },
          { kind: "context", text: "14 of 20 projects have finished their homework." },
        ],
      },
    });
    await page.getByRole("link", { name: /Clusterbot.*1 unread/ }).click();
    await page
      .getByRole("heading", { name: "Homework for SMARTFAB" })
      .or(page.getByText("Homework for SMARTFAB"))
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath("05-bot-message") });
    await page.getByRole("button", { name: "Start homework" }).click();
    const pressed = await bot.next("action");
    expect(pressed).toMatchObject({ userId, actionId: "homework.start", value: "SMARTFAB" });
  });

  it("renders choice and several-choice fields, and sends what was picked", slow, async () => {
    const page = await signIn("Ivo Partner");
    const userId = (await workspace.bot.people()).find((person) => person.name === "Ivo Partner")!.id;
    const result = draftResult({ title: "Predictive maintenance toolkit" });
    await workspace.bot.openDialog(userId, {
      kind: "form",
      form: characterisationForm(result, ["Politecnico di Torino", "Fraunhofer IPT"]),
      context: { result: "r1" },
    });
    const dialog = page.getByRole("dialog", { name: "Characterise result" });
    await dialog.getByLabel("Type").selectOption({ label: "Software" });
    const owners = dialog.getByRole("group", { name: "Owner partners" });
    await owners.getByLabel("Fraunhofer IPT").check();
    await dialog
      .getByRole("group", { name: /Protection/ })
      .getByLabel("Copyright")
      .check();
    await dialog
      .getByRole("group", { name: /Protection/ })
      .getByLabel("Open licence")
      .check();
    await dialog.getByRole("button", { name: "Save draft" }).click();
    const submitted = await bot.next("dialog.submit");
    expect(submitted.values).toMatchObject({
      type: "software",
      // Option values are short ids of the partners' names (a name may exceed Slack's 150-character value).
      owners: [ownerOptionValue("Fraunhofer IPT")],
      iprProtection: ["copyright", "open_licence"],
    });
    await dialog.waitFor({ state: "detached" });
  });

  it("closes a dialog on Escape and gives the bot what was typed, as a draft", slow, async () => {
    const page = await signIn("Gil Partner");
    const userId = (await workspace.bot.people()).find((person) => person.name === "Gil Partner")!.id;
    await workspace.bot.openDialog(userId, {
      kind: "form",
      form: setup,
      context: { draft: true },
      notifyOnClose: true,
    });
    const dialog = page.getByRole("dialog", { name: "New workshop" });
    await dialog.getByLabel("Theme").fill("Circular economy");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    const closed = await bot.next("dialog.close");
    expect(closed).toMatchObject({ userId, values: { theme: "Circular economy" }, context: { draft: true } });
  });

  it("signs in with an invite link, and a forged cookie signs in nobody", slow, async () => {
    const invite = await workspace.web.issueInvite("Cleo Diaz", workspace.port);
    const { page } = await openPage(browser, errors);
    await page.goto(invite.link);
    await page.getByTestId("me").filter({ hasText: "Cleo Diaz" }).waitFor();
    expect(page.url()).toBe(`${workspace.url}/`);

    const forged = await openPage(browser, errors);
    await forged.context.addCookies([
      { name: "clusterbot_session", value: "Zm9yZ2VkLXNlc3Npb24taWQtdGhhdC1pcy1ub3QtcmVhbA", url: workspace.url },
    ]);
    await forged.page.goto(workspace.url);
    await forged.page.getByLabel("Your name").waitFor();
    expect(await forged.page.getByTestId("me").count()).toBe(0);

    // A refused invite answers 401, which Chromium logs by itself: the only console line that page may have.
    const staleErrors: string[] = [];
    const stale = await openPage(browser, staleErrors);
    await stale.page.goto(`${workspace.url}/join#not-a-real-token`);
    await stale.page.getByRole("alert").filter({ hasText: "invite link is not valid" }).waitFor();
    expect(staleErrors).toEqual([expect.stringMatching(/401 \(Unauthorized\)/)]);
  });
});
