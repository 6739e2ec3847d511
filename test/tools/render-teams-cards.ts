// npm run render:teams-cards [-- --out DIR] — renders the Teams dialogs of a few neutral forms with Microsoft's
// `adaptivecards` renderer in Debian's Chromium, prints what its parser and validator report (unknown elements,
// bad property values, duplicate ids), and writes one PNG per card to look at. Exits 1 on a validation error.
// (No Adaptive Cards JSON Schema is published on npm; the renderer's own parser and validator stand in for it.)
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { characterisationForm, interestForm } from "../../src/core/forms/homework.ts";
import { projectForm } from "../../src/core/forms/project.ts";
import { workshopSetupForm } from "../../src/core/forms/workshop-setup.ts";
import { formCard } from "../../src/platforms/teams/cards/form-card.ts";
import { draftResult } from "../support/workshop-homework.ts";

const { values: flags } = parseArgs({ options: { out: { type: "string", default: "/tmp/teams-cards" } } });
const require = createRequire(import.meta.url);
const library = readFileSync(require.resolve("adaptivecards/dist/adaptivecards.min.js"), "utf8");
const styles = readFileSync(require.resolve("adaptivecards/dist/adaptivecards.css"), "utf8");

const result = draftResult({
  title: "Edge analytics **kit** <at>everyone</at>",
  description: "Reads PLC data at the edge",
  type: "software",
  keywords: ["edge", "PLC"],
  trlNow: 4,
  trlExpected: 3,
  owners: ["Acme, Inc."],
});
const cards = {
  "workshop-setup": formCard(workshopSetupForm(null, [], null), { timeZone: "Europe/Brussels" }),
  "characterise-with-errors": formCard(characterisationForm(result, ["Acme, Inc.", "Fraunhofer IPT", "Tecnalia"]), {
    actions: [
      { id: "draft", title: "Save draft" },
      { id: "submit", title: "Submit", style: "positive" },
    ],
    values: { description: "Reads PLC data at the edge", trlNow: "4", trlExpected: "3", owners: ["Acme, Inc."] },
    errors: {
      trlExpected: "The TRL expected at the end cannot be lower than the TRL now.",
      iprWithin: "Please describe the IPR within the project.",
    },
    context: { resultId: "r1" },
  }),
  "interest-typeahead": formCard(
    interestForm(
      Array.from({ length: 140 }, (_, index) => ({ resultId: `r${index}`, label: `P${index}: Result ${index}` })),
      null,
    ),
  ),
  project: formCard(projectForm(null, [])),
};

/** Runs in the page (as text: this project's TypeScript has no DOM types): parse, validate and render one card. */
const inBrowser = `function (json) {
  const AC = window.AdaptiveCards;
  const context = new AC.SerializationContext();
  const adaptive = new AC.AdaptiveCard();
  adaptive.parse(json, context);
  const parse = [];
  for (let index = 0; index < context.eventCount; index++) parse.push(context.getEventAt(index).message);
  const validation = adaptive.validateProperties();
  // A type-ahead (Data.Query) choice set may start with no static choice, as in Teams' people-picker samples;
  // this renderer's validator asks for one anyway, so that one complaint is left out for those inputs only.
  const invalid = validation.validationEvents
    .filter((event) => !(event.source && event.source.choicesData && event.message.includes("at least one choice")))
    .map((event) => event.message);
  const host = document.getElementById("card");
  host.innerHTML = "";
  host.appendChild(adaptive.render());
  return { parse, invalid, inputs: adaptive.getAllInputs().length, actions: adaptive.getActionCount() };
}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
  ],
});
mkdirSync(flags.out, { recursive: true });
let problems = 0;
try {
  const page = await browser.newPage({ viewport: { width: 620, height: 900 } });
  await page.setContent(`<!doctype html><html><head><link rel="icon" href="data:,"><style>${styles}
    body { font-family: "DejaVu Sans", sans-serif; margin: 16px; background: #f5f5f5 }
    #card { background: #fff; padding: 4px; border-radius: 6px }</style></head><body><div id="card"></div></body></html>`);
  await page.addScriptTag({ content: library });
  for (const [name, card] of Object.entries(cards)) {
    const report = (await page.evaluate(`(${inBrowser})(${JSON.stringify(card)})`)) as {
      parse: string[];
      invalid: string[];
      inputs: number;
      actions: number;
    };
    const file = join(flags.out, `${name}.png`);
    await page.locator("#card").screenshot({ path: file });
    problems += report.invalid.length;
    console.log(
      `${name}: ${report.inputs} inputs, ${report.actions} actions; parser notes: ${report.parse.length ? report.parse.join(" | ") : "none"}; validation errors: ${report.invalid.length ? report.invalid.join(" | ") : "none"} → ${file}`,
    );
  }
} finally {
  await browser.close();
}
process.exitCode = problems > 0 ? 1 : 0;
