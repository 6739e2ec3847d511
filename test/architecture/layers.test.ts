// The layering rules in layers.json hold for src/, and the check would catch a crossing of each kind.
import { describe, expect, it } from "vitest";
import { crossings, describeCrossing, importsOf, matches, readRules, sourceFiles } from "./layers.ts";

const rules = readRules();

describe("layering", () => {
  it("no import in src/ crosses a rule of layers.json", () => {
    const files = sourceFiles("src");
    expect(files.size).toBeGreaterThan(50);
    expect(crossings(rules, files).map(describeCrossing)).toEqual([]);
  });

  it("finds a crossing of each rule", () => {
    const bad = new Map([
      ["src/core/forms/bad.ts", 'import type { Actor } from "../../app/context.ts";\nimport { readFile } from "fs";'],
      ["src/core/screens/bad.ts", 'export type { WebClient } from "@slack/web-api";'],
      ["src/app/homework/bad.ts", 'const slack = await import("../../platforms/slack/app.ts");'],
      ["src/platforms/slack/bad.ts", 'type R = import("../../store/repositories/index.ts").Repositories;'],
      ["src/scheduler/bad.ts", 'import { reminderJobHandlers } from "../app/reminders/handlers.ts";'],
      ["src/platforms/teams/bad.ts", 'import { renderMessage } from "../slack/render/message.ts";'],
      ["src/platforms/web/adapter/bad.ts", 'import { dialogService } from "../service/dialogs.ts";'],
    ]);
    const found = crossings(rules, bad).map((crossing) => `${crossing.file}:${crossing.line} ${crossing.imported}`);
    expect(found).toEqual([
      "src/core/forms/bad.ts:1 ../../app/context.ts",
      "src/core/forms/bad.ts:2 fs",
      "src/core/screens/bad.ts:1 @slack/web-api",
      "src/app/homework/bad.ts:1 ../../platforms/slack/app.ts",
      "src/platforms/slack/bad.ts:1 ../../store/repositories/index.ts",
      "src/scheduler/bad.ts:1 ../app/reminders/handlers.ts",
      "src/platforms/teams/bad.ts:1 ../slack/render/message.ts",
      "src/platforms/web/adapter/bad.ts:1 ../service/dialogs.ts",
    ]);
  });

  it("lets the scheduler use the app's ports, and an adapter its own files", () => {
    const fine = new Map([
      ["src/scheduler/ok.ts", 'import { RateLimitedError } from "../app/ports/errors.ts";'],
      [
        "src/platforms/slack/ok.ts",
        'import { blockKit } from "./render/blocks.ts";\nimport "../../app/ports/platform.ts";',
      ],
      ["src/core/ok.ts", 'import { z } from "zod";\nimport Graph from "graphology";'],
    ]);
    expect(crossings(rules, fine)).toEqual([]);
  });

  it("reads imports with the TypeScript parser, not by pattern", () => {
    const text = [
      'import a from "./a.ts";',
      "// import b from './commented-out.ts';",
      "const text = \"import c from './in-a-string.ts'\";",
      'export * from "./d.ts";',
    ].join("\n");
    expect(importsOf("x.ts", text).map((entry) => entry.specifier)).toEqual(["./a.ts", "./d.ts"]);
    expect(matches("src/app/**", "src/app")).toBe(true);
    expect(matches("src/app/**", "src/application/x.ts")).toBe(false);
    expect(matches("@slack/**", "@slack/web-api")).toBe(true);
    expect(matches("node-builtins", "node:fs")).toBe(true);
    expect(matches("node-builtins", "zod")).toBe(false);
  });
});
