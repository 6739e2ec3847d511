// Clusterbot's homework in a real browser (Debian's Chromium), through the same interaction core as Slack and Teams:
// a facilitator types /cluster commands completed from the core's own command list; the partner's tab shows the
// invitation live, and she fills her homework from it, with an error next to its field that she fixes; the two
// people see each other's changes; the facilitator imports projects by attaching a spreadsheet in her conversation
// with Clusterbot; no console errors.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWebApp, type WebApp } from "../platforms/web/app-harness.ts";
import { launchChromium, openConversation, screenshotPath, signInByName } from "./chromium.ts";

const slow = { timeout: 120_000 };
/** 16:00 UTC is 17:00 in Rome (the browsers' zone) in March. */
const deadline = new Date("2027-03-12T16:00:00Z");

describe("homework in Chromium, through the core", () => {
  let web: WebApp;
  let browser: Browser;
  let fran: Page;
  let ana: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    web = await startWebApp("pglite");
    browser = await launchChromium();
    fran = await signInByName(browser, web.url, "Fran Facilitator", errors);
    ana = await signInByName(browser, web.url, "Ana Partner", errors);
    // The workshop and its project, as a facilitator would have set them up (that part is tested over HTTP).
    const { repos } = web.app.deps;
    const workspaceId = web.bot.workspace.id;
    const [franId, anaId] = await Promise.all(
      ["Fran Facilitator", "Ana Partner"].map(async (name) => {
        const person = (await web.bot.people()).find((candidate) => candidate.name === name)!;
        return (await repos.people.ensure(workspaceId, person.id)).id;
      }),
    );
    const workshop = await repos.workshops.create(
      workspaceId,
      {
        name: "Smart Manufacturing 2027",
        homeworkDeadline: deadline,
        timezone: "Europe/Rome",
        maxResultsPerProject: 2,
      },
      franId!,
    );
    await repos.projects.create(workshop.id, {
      acronym: "SMARTFAB",
      title: "Smart fabrication",
      partners: ["Politecnico di Torino"],
      memberIds: [anaId!],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it(
    "completes /cluster commands from the core's list; the partner's tab shows the invitation live",
    slow,
    async () => {
      await openConversation(fran, /general/, "#general");
      const box = fran.getByLabel("Message #general");
      await box.fill("/cluster hom");
      const options = fran.getByRole("listbox", { name: "/cluster commands" });
      await options.getByRole("option", { name: /homework open/ }).waitFor();
      await fran.screenshot({ path: screenshotPath("10-command-completion") });
      await box.press("Enter");
      expect(await box.inputValue()).toBe("/cluster homework open");
      await box.press("Enter");
      // Only Fran sees her command and Clusterbot's answer.
      const messages = fran.getByRole("list", { name: "Messages in #general" });
      await messages.getByTestId("message").filter({ hasText: "/cluster homework open" }).waitFor();
      await messages
        .getByTestId("message")
        .filter({ hasText: 'Homework is open for "Smart Manufacturing 2027"' })
        .waitFor();

      // Ana did nothing: her conversation with Clusterbot appears with an unread invitation.
      await ana.getByRole("link", { name: /Clusterbot.*1 unread/ }).click();
      const invitation = ana
        .getByTestId("message")
        .filter({ hasText: 'Homework for "Smart Manufacturing 2027" is open' });
      await invitation.waitFor();
      // The deadline is drawn in the reader's zone (the browser's, Europe/Rome).
      expect(await invitation.locator(".blocks time").first().textContent()).toMatch(/17:00/);
      expect(await invitation.locator(".blocks time").first().getAttribute("datetime")).toBe(deadline.toISOString());
    },
  );

  it(
    "lets the partner fill her homework from the invitation, with an error next to its field that she fixes",
    slow,
    async () => {
      await ana.getByRole("button", { name: "Start homework: SMARTFAB" }).click();
      const dialog = ana.getByRole("dialog", { name: "Homework: SMARTFAB" });
      await dialog.getByText("Not started. Next: List your project's exploitable results.").waitFor();
      await ana.screenshot({ path: screenshotPath("11-homework-overview") });
      await dialog.getByRole("button", { name: "List results" }).click();

      const results = ana.getByRole("dialog", { name: "Exploitable results" });
      const first = results.getByLabel("Result 1");
      await first.waitFor();
      await first.fill("   ");
      await results.getByRole("button", { name: "Save" }).click();
      const error = results.locator('[data-field="result_1"] .field-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/Please list at least one exploitable result/);
      expect(await first.getAttribute("aria-invalid")).toBe("true");
      await ana.screenshot({ path: screenshotPath("12-homework-field-error") });

      await first.fill("Predictive maintenance toolkit");
      await results.getByLabel("Result 2").fill("Digital twin of the press line");
      await results.getByRole("button", { name: "Save" }).click();
      const overview = ana.getByRole("dialog", { name: "Homework: SMARTFAB" });
      await overview.getByText("Exploitable results (2 of 2)").waitFor();
      await overview.getByText("Predictive maintenance toolkit", { exact: true }).waitFor();

      // A result's characterisation: two ways to submit; submitting with gaps shows each next to its field.
      await overview.getByRole("button", { name: "Characterise" }).first().click();
      const characterise = ana.getByRole("dialog", { name: "Characterise result" });
      await characterise.getByLabel("Description").fill("Predicts spindle failures from vibration data.");
      await characterise.getByRole("button", { name: "Submit", exact: true }).click();
      const typeError = characterise.locator('[data-field="type"] .field-error');
      await typeError.waitFor();
      expect(await characterise.getByLabel("Description").inputValue()).toBe(
        "Predicts spindle failures from vibration data.",
      );
      await characterise.getByLabel("Type").selectOption({ label: "Software" });
      await characterise.getByRole("button", { name: "Save draft" }).click();
      await overview.getByText("Predictive maintenance toolkit", { exact: true }).waitFor();
      await overview.getByRole("button", { name: "Close" }).click();
      await overview.waitFor({ state: "detached" });
    },
  );

  it(
    "shows each person the other's changes: the facilitator's status follows the partner's homework",
    slow,
    async () => {
      const box = fran.getByLabel("Message #general");
      await box.fill("/cluster status");
      await box.press("Enter");
      const status = fran
        .getByRole("list", { name: "Messages in #general" })
        .getByTestId("message")
        .filter({ hasText: "SMARTFAB" })
        .last();
      await status.waitFor();
      expect(await status.textContent()).toMatch(/Smart Manufacturing 2027/);
      await fran.screenshot({ path: screenshotPath("13-facilitator-status") });

      // Ana's home view is drawn by the core when she looks at it.
      await ana.getByRole("link", { name: "Home" }).click();
      const home = ana.getByTestId("home");
      await home.getByText("Smart Manufacturing 2027").waitFor();
      await home
        .getByRole("button", { name: /^(Continue|Open) homework$/ })
        .first()
        .waitFor();
    },
  );

  it(
    "imports the projects of a spreadsheet the facilitator attaches in her conversation with Clusterbot",
    slow,
    async () => {
      await fran.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "Clusterbot" }).click();
      await fran.getByRole("heading", { name: "Clusterbot", exact: true }).waitFor();
      // The file button is a button with a name; the browser's file picker opens from it (keyboard: Enter).
      const attach = fran.getByRole("button", { name: "Attach a file" });
      await attach.focus();
      const [chooser] = await Promise.all([fran.waitForEvent("filechooser"), attach.press("Enter")]);
      await chooser.setFiles({
        name: "Łódź-projects.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "acronym,title,partners\nGAMMA,Łódź smart grid,Politechnika Łódzka (PL); Müller GmbH (DE)\n",
        ),
      });
      await fran.getByRole("status").filter({ hasText: "Attached: Łódź-projects.csv" }).waitFor();
      const box = fran.getByLabel(/^Message Clusterbot/);
      await box.press("Enter");
      const messages = fran.getByRole("list", { name: /^Messages in/ }).getByTestId("message");
      await messages.filter({ has: fran.getByRole("link", { name: "Łódź-projects.csv" }) }).waitFor();
      const answer = messages.filter({ hasText: "1 project created" });
      await answer.waitFor();
      expect(await answer.textContent()).toContain("Smart Manufacturing 2027");
      await fran.screenshot({ path: screenshotPath("14-import-by-file") });
    },
  );
});
