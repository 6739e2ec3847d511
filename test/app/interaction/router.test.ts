// Routing alone: a flat list, first match wins; command patterns; the ack-first check only for its own form.
import { describe, expect, it } from "vitest";
import type { AppDependencies } from "../../../src/app/context.ts";
import { matchCommand } from "../../../src/app/interaction/command.ts";
import type { Interaction } from "../../../src/app/interaction/interaction.ts";
import { reply } from "../../../src/app/interaction/reply.ts";
import {
  findRoute,
  onAction,
  onAny,
  onCommand,
  onHome,
  onSubmit,
  onSuggest,
} from "../../../src/app/interaction/router.ts";

describe("command patterns", () => {
  it("matches literal words case-insensitively and names the others as typed", () => {
    expect(matchCommand("project edit <acronym>", "Project EDIT alpha")).toEqual({ acronym: "alpha" });
    expect(matchCommand("project edit <acronym>", "project edit")).toBeNull();
    expect(matchCommand("reopen <acronym> [days]", "  reopen ALPHA   3 ")).toEqual({ acronym: "ALPHA", days: "3" });
    expect(matchCommand("reopen <acronym> [days]", "reopen ALPHA")).toEqual({ acronym: "ALPHA" });
    expect(matchCommand("remind [acronym]", "remind")).toEqual({});
    expect(matchCommand("status", "status please")).toEqual({});
    expect(matchCommand("status", "statuses")).toBeNull();
  });
});

describe("the router", () => {
  const command = (text: string): Interaction => ({ kind: "command", text });
  const routes = [
    onCommand("project add", async () => reply.message("add")),
    onCommand("project", async () => reply.message("usage")),
    onAction("homework.start", async () => reply.none()),
    onAction(/^review\./, async () => reply.none()),
    onSubmit(
      "homework.results",
      async () => reply.close(),
      (interaction) => (interaction.values.result_1 ? reply.close() : reply.errors({ result_1: "Please list one." })),
    ),
    onSuggest("workshop.setup", "timezone", async () => reply.suggestions([])),
    onHome(async () => reply.none()),
    onAny("command", async () => reply.message("unknown")),
  ];

  it("takes the first route that matches", () => {
    expect(findRoute(routes, command("project add"))?.name).toBe("command project add");
    expect(findRoute(routes, command("project frobnicate"))?.name).toBe("command project");
    expect(findRoute(routes, command("dance"))?.name).toBe("any command");
    const action = (actionId: string): Interaction => ({
      kind: "action",
      actionId,
      value: "",
      where: "message",
      context: {},
    });
    expect(findRoute(routes, action("homework.start"))?.name).toBe("action homework.start");
    expect(findRoute(routes, action("review.approve"))?.name).toBe("action /^review\\./");
    expect(findRoute(routes, action("homework.stop"))).toBeUndefined();
    expect(findRoute(routes, { kind: "home" })?.name).toBe("home");
    const suggest: Interaction = {
      kind: "suggest",
      formId: "workshop.setup",
      fieldId: "timezone",
      query: "",
      context: {},
    };
    expect(findRoute(routes, suggest)?.name).toBe("suggest workshop.setup/timezone");
  });

  it("runs a route's ack-first check on what the interaction carries", () => {
    const submit = (values: Record<string, string>): Interaction => ({
      kind: "submit",
      formId: "homework.results",
      action: null,
      values,
      context: {},
    });
    const route = findRoute(routes, submit({}));
    // This check reads nothing but the interaction.
    const deps = {} as AppDependencies;
    expect(route?.acknowledge?.(submit({ result_1: "Sensor kit" }), deps)).toEqual({ kind: "close" });
    expect(route?.acknowledge?.(submit({}), deps)).toEqual({
      kind: "errors",
      errors: { result_1: "Please list one." },
    });
    expect(findRoute(routes, command("project add"))?.acknowledge).toBeUndefined();
  });
});
