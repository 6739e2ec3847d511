// HTML → PDF with the system's Chromium through playwright-core (no browser download: Debian's chromium).
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] as const;

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export class MissingChromiumError extends Error {
  constructor(searched: readonly string[]) {
    super(
      `PDF reports are printed by Chromium, which is not installed (looked for ${searched.join(", ")}). ` +
        "Install it with: apt-get install chromium",
    );
    this.name = "MissingChromiumError";
  }
}

export function findChromium(candidates: readonly string[] = CHROMIUM_PATHS): string {
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new MissingChromiumError(candidates);
  return found;
}

export interface PdfOptions {
  executablePath?: string;
}

/**
 * Prints a self-contained HTML page (no scripts, no remote resources: both are switched off) on A4 pages sized by
 * its CSS (`@page`), with its page numbers, a tagged PDF and an outline from the headings.
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? findChromium();
  const { chromium } = await import("playwright-core");
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route(/^(?!data:|about:)/, (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return new Uint8Array(pdf);
  } finally {
    await browser?.close();
  }
}
