// npm run tour [-- --out DIR] — plays a workshop through the Slack stand-in (setup, projects, homework open,
// invitations, a partner's homework with a mistake and its fix, reminders, a snooze, a nudge, status, the homes,
// help) and writes every surface a person saw, in order, into DIR: NN-who-step.json (the Block Kit Slack received)
// and NN-who-step.png (drawn close to Slack's client by a small HTML renderer, shot with Debian's Chromium).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../browser/chromium.ts";
import { users } from "../support/slack-bot.ts";
import { surfaceHtml } from "./tour/block-kit-html.ts";
import { playTour, type TourSurface } from "./tour/play.ts";

const { values: flags } = parseArgs({
  options: { out: { type: "string", default: "/tmp/clusterbot-tour" }, "no-png": { type: "boolean", default: false } },
});
const out = flags.out ?? "/tmp/clusterbot-tour";
mkdirSync(out, { recursive: true });

const names: Record<string, string> = {
  [users.facilitator]: "Fran Facilitator",
  [users.ana]: "Ana Partner",
  [users.ben]: "Ben Partner",
  [users.cleo]: "Cleo Partner",
};

function fileName(surface: TourSurface): string {
  const slug = `${surface.who.split(" ")[0]?.slice(0, 24)}-${surface.kind}-${surface.step}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 70);
  return `${String(surface.index).padStart(2, "0")}-${slug}`;
}

const surfaces = await playTour();
const browser = flags["no-png"] ? null : await launchChromium();
try {
  const page = browser ? await (await browser.newContext({ viewport: { width: 700, height: 400 } })).newPage() : null;
  for (const surface of surfaces) {
    const name = fileName(surface);
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(surface, null, 2)}\n`);
    if (!page) continue;
    await page.setContent(surfaceHtml(surface, names));
    await page.locator("#surface").screenshot({ path: join(out, `${name}.png`) });
  }
} finally {
  await browser?.close();
}
console.log(`${surfaces.length} surfaces written to ${out}`);
// Something the bot started keeps a handle open after it stopped (not tracked down yet): the tour is done.
process.exit(0);
