// Debian's Chromium driven by playwright-core (no browser download works here; .ci/run installs the package).
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { patientMs } from "../support/wait.ts";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Screenshots of the main screens land here (look at them; a couple are kept in docs/). */
export const screenshotDir = process.env.CLUSTERBOT_SCREENSHOTS ?? join(tmpdir(), "clusterbot-browser");

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not at ${chromiumPath}: apt-get install chromium (as .ci/run does)`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** A page in its own browser profile (its own cookies), recording console errors and uncaught exceptions. */
export async function openPage(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/Rome",
  });
  // Playwright's 30 s default is tight for a page of a local server on a loaded CI machine; waits return early.
  context.setDefaultTimeout(patientMs);
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return { context, page };
}

/** Signs a new person in by name in their own browser profile and waits until their live stream is up. */
export async function signInByName(browser: Browser, url: string, name: string, errors: string[]): Promise<Page> {
  const { page } = await openPage(browser, errors);
  await page.goto(url);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join" }).click();
  await page.getByTestId("me").filter({ hasText: name }).waitFor();
  await page.locator(".topbar .live", { hasText: "Live" }).waitFor();
  return page;
}

/** Opens a conversation from the sidebar by (part of) its name and waits for its heading. */
export async function openConversation(page: Page, name: RegExp, heading: string): Promise<void> {
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name }).click();
  await page.getByRole("heading", { name: heading, exact: true }).waitFor();
}

export function screenshotPath(name: string): string {
  return join(screenshotDir, `${name}.png`);
}

/** Signs someone already in the workspace in from the person switcher, in their own browser profile. */
export async function signInAs(browser: Browser, url: string, name: string, errors: string[]): Promise<Page> {
  const { page } = await openPage(browser, errors);
  await page.goto(url);
  await page.getByRole("region", { name: "Sign in as" }).getByRole("button", { name, exact: true }).click();
  await page.getByTestId("me").filter({ hasText: name }).waitFor();
  await page.locator(".topbar .live", { hasText: "Live" }).waitFor();
  return page;
}
