// `clusterbot analyze` prints titles from a file someone else wrote: escape sequences in them must not reach the
// terminal (a title could retitle the window, clear the screen, or hide text), through the real command.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/cli/terminal.ts";
import { runCli } from "../support/process.ts";

const hostileTitle = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mSpindle\u001b[0m health\u009b1A\r module\u202e";

describe("terminal output of user text", () => {
  it("strips escape sequences and control characters from what analyze prints", async () => {
    const folder = await mkdtemp(join(tmpdir(), "clusterbot-terminal-"));
    const template = runCli(["analyze", "--template", "csv"], {});
    expect(await template.exited).toBe(0);
    const csv = template.output().replace("Spindle health monitoring module", hostileTitle);
    expect(csv).toContain("\u001b]0;pwned");
    const file = join(folder, "workshop.csv");
    await writeFile(file, csv);

    const analyze = runCli(["analyze", file], {});
    expect(await analyze.exited).toBe(0);
    const printed = analyze.output();
    expect(printed).toContain("Spindle health module");
    expect(printed).not.toMatch(/(?![\n\t])[\p{Cc}\u202e]/u);
  });

  it("keeps line feeds, tabs and CRLF line endings", () => {
    expect(terminalSafe("a\tb\nc\r\nd")).toBe("a\tb\nc\r\nd");
    expect(terminalSafe("\u001b]8;;http://x\u0007link\u001b]8;;\u0007")).toBe("link");
  });
});
