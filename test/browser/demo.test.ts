// The demo workshop (demo/workshop.json, as `npm run demo` seeds it) from analysis to report in a real browser
// (Debian's Chromium), through the same core as Slack and Teams: the facilitator analyses, moves a result in the
// review and approves; announces; opens the working groups, whose channels appear with their kick-off; a member's
// thread reply becomes a work-plan item, confirmed in the thread, which the facilitator sees live; the report
// downloads with the groups and the item in it. No console errors. Screenshots for the README land in screenshotDir.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readDemoWorkshop, seedDemo } from "../../src/runtime/demo.ts";
import { startWebApp, type WebApp } from "../platforms/web/app-harness.ts";
import { launchChromium, openConversation, screenshotPath, signInAs } from "./chromium.ts";

const slow = { timeout: 240_000 };
const facilitator = "Fran Moreau";
/** A SOILSAT member: her project's results sit in the soil and water cluster. */
const member = "Lucía Ferrer";

describe("the demo workshop in Chromium: review, announce, working groups, report", () => {
  let web: WebApp;
  let browser: Browser;
  let fran: Page;
  let lucia: Page;
  const errors: string[] = [];
  let groupChannel = "";

  beforeAll(async () => {
    web = await startWebApp("pglite");
    await seedDemo(
      {
        repos: web.app.deps.repos,
        workspaceId: web.bot.workspace.id,
        generalChannelId: web.general,
        ensurePerson: async (name) => (await web.web.service.people.ensure(name)).person,
      },
      await readDemoWorkshop(),
    );
    browser = await launchChromium();
    fran = await signInAs(browser, web.url, facilitator, errors);
    lucia = await signInAs(browser, web.url, member, errors);
    for (const page of [fran, lucia]) page.on("dialog", (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  const review = () => fran.getByRole("dialog", { name: "Review clusters" });
  const inGeneral = (page: Page) => page.getByRole("list", { name: "Messages in #general" }).getByTestId("message");

  async function type(page: Page, conversation: string, text: string) {
    const box = page.getByLabel(`Message ${conversation}`);
    await box.fill(text);
    await box.press("Escape");
    await box.press("Enter");
  }

  it("analyses, shows the suggested clusters in the review, moves a result and approves", slow, async () => {
    await openConversation(fran, /general/, "#general");
    await type(fran, "#general", "/cluster analyze");
    await inGeneral(fran).filter({ hasText: "Analysing 19 submitted results of 7 projects" }).waitFor();

    await fran.getByRole("link", { name: /Clusterbot.*1 unread/ }).click({ timeout: 180_000 });
    const ready = fran.getByTestId("message").filter({ hasText: /Analysis run 1 of .* is ready/ });
    await ready.waitFor();
    expect(await ready.textContent()).toMatch(/SEAWEEDNET \(2 drafts; members: Maria Santos, Erik Haugen\)/);
    await ready.getByRole("button", { name: "Open the review" }).click();
    await review().getByText("Climate Resilience Clustering 2027 · analysis run 1", { exact: false }).waitFor();
    const text = (await review().textContent()) ?? "";
    expect(text).toContain("MAMACARE: Offline-first app for community health workers");
    expect(text).toContain("SOILSAT: Field-scale soil moisture maps from Sentinel-1 radar");
    expect(text, "explanations name results, not database ids").not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await fran.screenshot({ path: screenshotPath("20-demo-review") });

    // The open dataset of Kenyan water points goes to the cluster about soil and water.
    const dataset = "AQUASENSE: Open dataset of water point quality in Kiambu and Machakos";
    await review().getByRole("button", { name: "Move a result" }).first().click();
    const move = fran.getByRole("dialog", { name: "Move a result" });
    await move.getByLabel("Result").selectOption({ label: dataset });
    const targets = await move.getByLabel("To").locator("option").allTextContents();
    soil = targets.find((label) => /soil|moisture|irrigation/.test(label));
    expect(soil, `a soil and water cluster among ${targets.join(", ")}`).toBeDefined();
    await move.getByLabel("To").selectOption({ label: soil! });
    await move.getByRole("button", { name: "Move" }).click();
    await review().getByText("review version 2", { exact: false }).waitFor();

    // Listed under the soil and water cluster now (its full title appears only in the lists of members).
    const moved = (await review().textContent()) ?? "";
    const fullTitle = "Open dataset of water point quality in Kiambu and Machakos";
    expect(moved.indexOf(fullTitle)).toBeGreaterThan(moved.indexOf(soil!));
    expect(moved.indexOf(fullTitle)).toBe(moved.lastIndexOf(fullTitle));

    await review().getByRole("button", { name: "Approve" }).click();
    await review().getByText("Approved.", { exact: false }).waitFor();
    expect(await review().textContent()).toMatch(/· approved/);
    await fran.screenshot({ path: screenshotPath("21-demo-approved") });
    await review().getByRole("button", { name: "Close" }).click();
    await review().waitFor({ state: "detached" });
  });

  it("announces the approved clusters: a member's tab shows them live in #general", slow, async () => {
    await openConversation(lucia, /general/, "#general");
    await openConversation(fran, /general/, "#general");
    await type(fran, "#general", "/cluster announce");
    await inGeneral(fran)
      .filter({ hasText: /Announced: 3 new/ })
      .waitFor({ timeout: 60_000 });
    const post = inGeneral(lucia).filter({ hasText: soilLabel() }).filter({ hasText: "Join this working group" });
    await post.waitFor();
    expect(await post.textContent()).toContain("Open dataset of water point quality in Kiambu and Machakos");
    await lucia.screenshot({ path: screenshotPath("22-demo-announced") });
  });

  it("opens a channel per working group, with its kick-off pinned", slow, async () => {
    await type(fran, "#general", "/cluster groups create");
    const sidebar = fran.getByRole("navigation", { name: "Conversations" });
    const link = sidebar.getByRole("link", { name: /climate-resilience-soil/ });
    await link.waitFor({ timeout: 120_000 });
    groupChannel = ((await link.textContent()) ?? "").match(/climate-resilience-[a-z0-9-]+/)![0];
    await link.click();
    await fran.getByRole("heading", { name: `#${groupChannel} (private channel)` }).waitFor();
    const messages = fran.getByRole("list", { name: `Messages in #${groupChannel}` }).getByTestId("message");
    const kickoff = messages.filter({ hasText: `Working group: ${soilLabel()}` });
    await kickoff.waitFor();
    expect(await kickoff.textContent()).toMatch(/Pinned/);
    expect(await kickoff.textContent()).toContain("Field-scale soil moisture maps from Sentinel-1 radar: SOILSAT");
    await messages.filter({ hasText: "IPR arrangements" }).waitFor({ timeout: 60_000 });
    await fran.screenshot({ path: screenshotPath("23-demo-working-group") });
  });

  it("turns a member's thread reply into a work-plan item, confirmed in the thread and seen live", slow, async () => {
    await openConversation(lucia, new RegExp(groupChannel), `#${groupChannel} (private channel)`);
    const prompt = lucia
      .getByRole("list", { name: `Messages in #${groupChannel}` })
      .getByTestId("message")
      .filter({ hasText: "What will you do together?" });
    await prompt.getByRole("button", { name: "Reply in thread" }).click();
    const thread = lucia.getByRole("complementary", { name: "Thread" });
    const reply = thread.getByLabel("Reply in thread");
    await reply.fill(
      "Soil moisture maps in the voice advice for 2000 farmers in Telangana, led by SOILSAT with FARMVOICE, Q3 2027 to Q2 2028",
    );
    await reply.press("Enter");
    const confirmation = thread.getByTestId("message").filter({ hasText: "Added to the work-plan" });
    await confirmation.waitFor({ timeout: 60_000 });
    const understood = (await confirmation.textContent()) ?? "";
    expect(understood).toContain("Soil moisture maps in the voice advice");
    expect(understood).toMatch(/SOILSAT/);
    expect(understood).toMatch(/FARMVOICE/);
    expect(understood).toMatch(/2027/);
    await confirmation.getByRole("button", { name: "Edit" }).waitFor();
    await lucia.screenshot({ path: screenshotPath("24-demo-work-plan-item") });

    // The facilitator, in the same channel, sees the thread grow without reloading.
    await fran
      .getByRole("list", { name: `Messages in #${groupChannel}` })
      .getByTestId("message")
      .filter({ hasText: "What will you do together?" })
      .getByRole("button", { name: "2 replies" })
      .waitFor();
  });

  it("shares the report in the channel, and it downloads with the groups and the work-plan", slow, async () => {
    await type(fran, `#${groupChannel}`, "/cluster report md");
    const messages = fran.getByRole("list", { name: `Messages in #${groupChannel}` }).getByTestId("message");
    const link = messages.locator('a[download$="-report.md"]');
    await link.waitFor({ timeout: 120_000 });
    await fran.screenshot({ path: screenshotPath("25-demo-report") });
    const [download] = await Promise.all([fran.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const report = await readFile((await download.path())!, "utf8");
    expect(report).toContain("Climate Resilience Clustering 2027");
    expect(report).toContain(soilLabel());
    expect(report).toContain("Soil moisture maps in the voice advice for 2000 farmers in Telangana");
    expect(report).toContain("Universitat de València");
  });
});

let soil: string | undefined;
/** The soil and water cluster's label, as the analysis named it. */
const soilLabel = () => soil ?? "soil";
