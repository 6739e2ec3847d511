// `cluster import` in Teams: the facilitator attaches a spreadsheet in their 1:1 chat with the bot (a signed message
// activity with a `file.download.info` attachment; the bot fetches its pre-authenticated download link from the
// stand-in, without its token) and the core's import runs on it — all rows checked first, one line per bad row, all
// or nothing, the same file twice changes nothing; a partner's file is refused and never downloaded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { badProjectsCsv, goodProjectsCsv } from "../../support/import-files.ts";
import { waitFor } from "../../support/wait.ts";
import { people, seedApprovedCluster, startInstalledTeamsHarness, type TeamsHarness, typedCommand } from "./harness.ts";

const goodProjects = goodProjectsCsv(`teams:${people.cleo}`);
/** Rows 2 and 4 name a Slack user in a Teams workspace; row 3 is fine but must not be imported either. */
const badProjects = badProjectsCsv(["slack:U0ABC", "slack:U0DEF"], `teams:${people.ben}`);

const encode = (text: string) => new TextEncoder().encode(text);

describe.each(backends)("cluster import from a file attached in Teams on %s", (backend) => {
  let harness: TeamsHarness;
  let workshopId: string;

  beforeAll(async () => {
    harness = await startInstalledTeamsHarness(backend, [people.fran, people.ana]);
    ({ workshopId } = await seedApprovedCluster(harness, "Import workshop"));
  }, 240_000);
  afterAll(() => harness?.close());

  const answers = (aad: string) => harness.teams.state.personalMessages(aad);
  const acronyms = async () => (await harness.repos.projects.list(workshopId)).map((p) => p.acronym).sort();

  /** Attaches files in the 1:1 chat; the bot's answers there, as JSON text, and the stand-in's record of the files. */
  async function attach(
    aad: string,
    files: { name: string; content: string }[],
    text = "",
    options: { linkSeconds?: number } = {},
  ) {
    const before = answers(aad).length;
    const sent = await harness.teams.driver.attachFiles(
      aad,
      files.map((file) => ({ name: file.name, bytes: encode(file.content) })),
      text,
      options,
    );
    expect(sent.status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => answers(aad).length > before);
    const said = JSON.stringify(
      answers(aad)
        .slice(before)
        .map((entry) => entry.activity),
    );
    return { said, files: sent.files };
  }

  it("tells a facilitator to attach the file in the 1:1 chat, and refuses a partner", async () => {
    expect(await typedCommand(harness, people.fran, "cluster import")).toContain("one-to-one chat with Clusterbot");
    expect(await typedCommand(harness, people.ana, "cluster import")).toContain("Only the facilitators");
  });

  it("imports a good file attached by a facilitator; the same file again changes nothing", async () => {
    const first = await attach(people.fran, [{ name: "projects.csv", content: goodProjects }]);
    expect(first.said).toContain("2 projects created");
    // Downloaded once, with a plain GET: the bot's token never goes to the file's host.
    expect(first.files[0]?.downloads).toEqual([undefined]);
    expect(await acronyms()).toEqual(["ALPHA", "BETA", "DELTA", "GAMMA"]);
    const gamma = (await harness.repos.projects.list(workshopId)).find((p) => p.acronym === "GAMMA");
    expect(gamma?.title).toBe("Łódź smart grid");
    expect(gamma?.partners).toEqual(["Müller GmbH", "Politechnika Łódzka"]);
    const status = await typedCommand(harness, people.fran, "cluster status");
    expect(status).toContain("GAMMA");
    expect(status).toContain("DELTA");

    const again = await attach(people.fran, [{ name: "projects.csv", content: goodProjects }]);
    expect(again.said).toContain("Nothing to change");
    expect(await acronyms()).toEqual(["ALPHA", "BETA", "DELTA", "GAMMA"]);
  });

  it("answers a bad file with one line per bad row and imports nothing", async () => {
    const answer = await attach(people.fran, [{ name: "projects.csv", content: badProjects }]);
    expect(answer.said).toContain("Nothing was imported: the file has 2 problems");
    expect(answer.said).toContain(
      'projects.csv, row 2, column C, field \\"members\\": \\"slack:U0ABC\\" is a slack user, but this workshop runs on teams',
    );
    expect(answer.said).toContain(
      'projects.csv, row 4, column C, field \\"members\\": \\"slack:U0DEF\\" is a slack user, but this workshop runs on teams',
    );
    expect(answer.said).not.toContain("row 3");
    for (const acronym of ["EPS", "ZETA", "ETA"]) expect(await acronyms()).not.toContain(acronym);
  });

  it("refuses a file over 10 MB (Teams does not say a file's size: the download says it)", async () => {
    const huge = `acronym,title\n${"KAPPA,Kappa\n".repeat(Math.ceil((10 * 1024 * 1024) / 12))}`;
    const answer = await attach(people.fran, [{ name: "huge.csv", content: huge }]);
    expect(answer.said).toContain("huge.csv is larger than 10 MB");
    expect(await acronyms()).not.toContain("KAPPA");
  });

  it("asks for the file again when its link has lapsed, and imports nothing", async () => {
    const answer = await attach(people.fran, [{ name: "late.csv", content: "acronym,title\nLAMBDA,Lambda\n" }], "", {
      linkSeconds: -1,
    });
    expect(answer.said).toContain("could not fetch “late.csv”");
    expect(answer.said).toContain("Share the file again");
    expect(answer.files[0]?.downloads).toHaveLength(1);
    expect(await acronyms()).not.toContain("LAMBDA");
  });

  it("refuses a partner's file without downloading it", async () => {
    const answer = await attach(people.ana, [{ name: "projects.csv", content: "acronym,title\nIOTA,Iota\n" }]);
    expect(answer.said).toContain("Only the facilitators");
    expect(answer.files[0]?.downloads).toEqual([]);
    expect(await acronyms()).not.toContain("IOTA");
  });

  it("says what the chat takes for a file that is not a spreadsheet, or a pasted image, and reads neither", async () => {
    const pdf = await attach(people.fran, [{ name: "agenda.pdf", content: "%PDF-1.7" }]);
    expect(pdf.said).toContain("reads only spreadsheets");
    expect(pdf.said).toContain("agenda.pdf");
    expect(pdf.files[0]?.downloads).toEqual([]);

    const before = answers(people.fran).length;
    expect((await harness.teams.driver.pasteImage(people.fran)).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => answers(people.fran).length > before);
    const pasted = JSON.stringify(answers(people.fran).slice(before));
    expect(pasted).toContain("reads only spreadsheets");
    expect(pasted).toContain("the pasted image");
  });
});
