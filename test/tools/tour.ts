// npm run tour [-- --out DIR] [--no-png] [--only slack|teams] — plays a whole workshop through the Slack stand-in
// (setup, projects, homework open, invitations, a partner's homework with a mistake and its fix, reminders, a
// snooze, a nudge, status, the homes, help, then the analysis, the review, the announcement, the working-group
// channels with a work-plan item, a follow-up and the report) and a representative part of it through the Teams
// stand-in, and writes every surface a person saw, in order, into DIR: NN-who-kind-step.json (the Block Kit Slack
// received) and teams-NN-who-kind-step.json (the Adaptive Card Teams received), each with a .png drawn close to the
// client by a small HTML renderer (block-kit-html.ts, adaptive-card-html.ts), shot with Debian's Chromium.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../browser/chromium.ts";
import { users } from "../support/slack-bot.ts";
import { teamsSurfaceHtml } from "./tour/adaptive-card-html.ts";
import { surfaceHtml } from "./tour/block-kit-html.ts";
import { playTour } from "./tour/play.ts";
import { playTeamsTour } from "./tour/teams-play.ts";

const { values: flags } = parseArgs({
  options: {
    out: { type: "string", default: "/tmp/clusterbot-tour" },
    "no-png": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const out = flags.out ?? "/tmp/clusterbot-tour";
mkdirSync(out, { recursive: true });

const names: Record<string, string> = {
  [users.facilitator]: "Fran Facilitator",
  [users.ana]: "Ana Partner",
  [users.ben]: "Ben Partner",
  [users.cleo]: "Cleo Partner",
};

/** Each Teams reader's zone (the stand-in's users), in which Teams draws a card's dates. */
const teamsZones: Record<string, string> = {
  "Fran Facilitator": "Europe/Brussels",
  "Ana Partner": "Europe/Madrid",
  "Ben Partner": "America/Los_Angeles",
  "Cleo Partner": "Europe/Lisbon",
};

interface Written {
  index: number;
  who: string;
  kind: string;
  step: string;
}

function fileName(surface: Written, prefix = ""): string {
  const slug = `${surface.who.split(" ")[0]?.slice(0, 24)}-${surface.kind}-${surface.step}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 70);
  return `${prefix}${String(surface.index).padStart(2, "0")}-${slug}`;
}

const slack = flags.only === "teams" ? [] : await playTour();
const teams = flags.only === "slack" ? [] : await playTeamsTour();
const pages = [
  ...slack.map((surface) => ({ surface, name: fileName(surface), html: () => surfaceHtml(surface, names) })),
  ...teams.map((surface) => ({
    surface,
    name: fileName(surface, "teams-"),
    html: () => teamsSurfaceHtml(surface, teamsZones[surface.who]),
  })),
];
const browser = flags["no-png"] ? null : await launchChromium();
try {
  const page = browser ? await (await browser.newContext({ viewport: { width: 700, height: 400 } })).newPage() : null;
  for (const { surface, name, html } of pages) {
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(surface, null, 2)}\n`);
    if (!page) continue;
    await page.setContent(html());
    await page.locator("#surface").screenshot({ path: join(out, `${name}.png`) });
  }
} finally {
  await browser?.close();
}
console.log(`${slack.length} Slack and ${teams.length} Teams surfaces written to ${out}`);
