// Everything the core can show, drawn in a real browser (Debian's Chromium) by the web adapter: every block kind in a
// message (date-times in the reader's zone, marks, a button that asks first), a form with several submit buttons, a
// date-time field and a type-ahead, errors next to fields with the summary above, a paged panel in the same dialog,
// a refusal on top of it, the home view, and a shared file's download; no console errors.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ReplyHarness, startReplyHarness } from "../platforms/web/reply-harness.ts";
import { launchChromium, openConversation, screenshotPath, signInByName } from "./chromium.ts";

const slow = { timeout: 120_000 };

describe("every block and screen in Chromium", () => {
  let web: ReplyHarness;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    web = await startReplyHarness("pglite");
    browser = await launchChromium();
    page = await signInByName(browser, web.url, "Ana Lima", errors);
    await openConversation(page, /general/, "#general");
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  const typeCommand = async (text: string) => {
    const box = page.getByLabel("Message #general");
    await box.fill(`/cluster ${text}`);
    await page.keyboard.press("Escape");
    await box.press("Enter");
  };

  it("draws every block kind of a message, literally, with date-times in the reader's zone", slow, async () => {
    await typeCommand("blocks");
    const message = page.getByTestId("message").filter({ hasText: "Cluster 3: Smart grids" });
    await message.waitFor();
    await message.getByRole("heading", { name: "Cluster 3: Smart grids" }).waitFor();
    // 16:00 UTC is 17:00 in Rome, the browser's zone; the moment itself is kept in the markup.
    const when = message.locator(".blocks time").first();
    expect(await when.textContent()).toMatch(/17:00/);
    expect(await when.getAttribute("datetime")).toBe("2027-03-12T16:00:00.000Z");
    // A partner's markup stays text.
    await message.getByText("<!channel> *not bold*", { exact: false }).waitFor();
    expect(await message.locator("dl dt").allTextContents()).toEqual(["Projects", "Deadline"]);
    expect(
      await message.getByRole("img").evaluateAll((marks) => marks.map((mark) => mark.getAttribute("aria-label"))),
    ).toEqual(["done", "pending", "needs attention"]);
    expect(await message.locator(".items li").count()).toBe(4);
    await message.getByText("Small print").waitFor();
    expect(await message.locator("hr").count()).toBe(1);
    await page.screenshot({ path: screenshotPath("20-every-block") });

    // A button that asks first: refused once (nothing happens), then confirmed.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await message.getByRole("button", { name: "Not for us" }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await message.getByRole("button", { name: "Not for us" }).click();
    await page.getByTestId("message").filter({ hasText: "You pressed decline." }).waitFor();
    expect(await page.getByTestId("message").filter({ hasText: "You pressed" }).count()).toBe(1);
    await message.getByRole("button", { name: "I will come" }).click();
    await page.getByTestId("message").filter({ hasText: "You pressed yes." }).waitFor();
  });

  it(
    "draws a form: several submit buttons, a date-time in the person's zone, a type-ahead, errors and their summary",
    slow,
    async () => {
      await typeCommand("form");
      const dialog = page.getByRole("dialog", { name: "Plan an item" });
      await dialog.waitFor();
      expect(await dialog.getByLabel("When").inputValue()).toBe("2027-03-12T17:00");
      await dialog.getByRole("button", { name: "Keep as a draft" }).waitFor();
      const place = dialog.getByRole("combobox", { name: "Place" });
      await place.fill("tu");
      await dialog.getByRole("option", { name: "Tunis" }).waitFor();
      await dialog.getByRole("option", { name: "Turin" }).click();
      expect(await place.inputValue()).toBe("Turin");

      await dialog.getByRole("button", { name: "Next step" }).click();
      const error = dialog.locator('[data-field="name"] .field-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/Please give the item a name/);
      await dialog.getByRole("alert").getByText("The item needs a name.").waitFor();
      expect(await place.inputValue()).toBe("Turin");
      await page.screenshot({ path: screenshotPath("21-form-errors") });

      await dialog.getByLabel("Name").fill("Pilot line");
      await dialog.getByRole("button", { name: "Next step" }).click();
      const panel = page.getByRole("dialog", { name: "Items" });
      await panel.getByText(/Page 1 of \d/).waitFor();
      await panel.getByRole("button", { name: "Next" }).click();
      await panel.getByText(/Page 2 of \d/).waitFor();
      await panel.getByRole("button", { name: "Previous" }).waitFor();
      await page.screenshot({ path: screenshotPath("22-paged-panel") });

      await panel.getByRole("button", { name: "Lock the list" }).click();
      const refused = page.getByRole("dialog", { name: "Not possible" });
      await refused.getByText("This list is read-only now.").waitFor();
      await refused.getByRole("button", { name: "Back" }).click();
      await refused.waitFor({ state: "detached" });
    },
  );

  it("draws the home view the core gives, and its button opens a dialog", slow, async () => {
    await page.getByRole("link", { name: "Home" }).click();
    const home = page.getByTestId("home");
    await home.getByRole("heading", { name: "Your workshop" }).waitFor();
    await home.getByRole("button", { name: "Plan it" }).click();
    const dialog = page.getByRole("dialog", { name: "Plan an item" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  it("offers a shared file as a download to someone who can read it", slow, async () => {
    const bytes = new TextEncoder().encode("a,b\n1,2\n");
    await web.bot.upload(
      { channelId: web.general },
      { filename: "plan.csv", title: "The work plan", bytes, comment: "Here is the plan so far." },
    );
    await openConversation(page, /general/, "#general");
    const link = page.getByRole("link", { name: "The work plan" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("plan.csv");
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(path, "utf8")).toBe("a,b\n1,2\n");
  });
});
