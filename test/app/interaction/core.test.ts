// The interaction core alone, with a recording conversation and a recording notify port (no platform): it answers
// redeliveries once, resolves the person, shows refusals where the person is, and acknowledges early what a route
// can check, then saves and refreshes, or tells the person privately what could not be saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDependencies } from "../../../src/app/context.ts";
import { createInteractionCore } from "../../../src/app/interaction/core.ts";
import type { Incoming, Interaction } from "../../../src/app/interaction/interaction.ts";
import { reply } from "../../../src/app/interaction/reply.ts";
import { onAction, onClosed, onCommand, onHome, onSubmit } from "../../../src/app/interaction/router.ts";
import { createChannels } from "../../../src/app/platform/channels.ts";
import type { Notification, NotifyPort } from "../../../src/app/ports/notify.ts";
import { Refusal } from "../../../src/app/refusal.ts";
import type { Screen } from "../../../src/core/screens/screens.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createRepositories, type Repositories } from "../../../src/store/repositories/index.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { recordingConversation } from "./fake-conversation.ts";

const origin = { platform: "slack" as const, workspace: "T0CORE00001", user: "U0ANA000001" };
const incoming = (interaction: Interaction, extra: Partial<typeof origin & { deliveryId: string }> = {}): Incoming => ({
  origin: { ...origin, ...extra },
  interaction,
});

describe("the interaction core", () => {
  let test: TestDatabase;
  let repos: Repositories;
  let deps: AppDependencies;
  const notified: Notification[] = [];
  const saved: string[] = [];
  const drafts: string[] = [];
  const versioned: string[] = [];
  const staleForm: Screen = { kind: "panel", id: "stale", title: "Changed meanwhile", blocks: [], context: {} };
  let homes = 0;

  beforeAll(async () => {
    test = await createTestDatabase("pglite");
    repos = createRepositories(test.database.prisma);
    const notify: NotifyPort = {
      async notify(notification) {
        notified.push(notification);
        return { status: "sent" };
      },
      async send(notification) {
        notified.push(notification);
        return { status: "sent" };
      },
      doNotDisturbUntil: async () => null,
      profile: async () => null,
    };
    deps = {
      repos,
      clock: { now: () => new Date("2026-03-02T10:00:00Z") },
      logger: createLogger("silent", false),
      notify,
      channels: createChannels(repos, {
        link: async () => {
          throw new Error("no platform in these tests");
        },
        account: async () => {
          throw new Error("no platform in these tests");
        },
      }),
    };
  });
  afterAll(() => test.drop());

  const routes = [
    onHome(async () => {
      homes++;
      return reply.none();
    }),
    onCommand("forbidden", async () => {
      throw new Refusal("not_facilitator", "Only the facilitators can do that.");
    }),
    onCommand("broken", async () => {
      throw new TypeError("a bug");
    }),
    onAction("step.open", async () => {
      throw new Refusal("read_only", "The deadline has passed.");
    }),
    onSubmit(
      "step",
      async ({ interaction }) => {
        if (interaction.values.title === "late") throw new Refusal("read_only", "The deadline has passed.");
        saved.push(String(interaction.values.title));
        return reply.close({ refresh: { kind: "panel", id: "overview", title: "Overview", blocks: [], context: {} } });
      },
      (interaction) => (interaction.values.title ? reply.close() : reply.errors({ title: "Please enter a title." })),
    ),
    onSubmit(
      "versioned",
      async ({ interaction }) => {
        versioned.push(String(interaction.values.title));
        // A form behind the saved version (as a redelivered copy of the save that moved it on is).
        return versioned.length > 1 ? reply.update(staleForm) : reply.close();
      },
      // Checked without I/O from what the form carries: only while the form is not known to be behind.
      () => (versioned.length === 0 ? reply.close() : null),
    ),
    onClosed("step", async ({ interaction }) => {
      drafts.push(String(interaction.values.title));
      return reply.none();
    }),
  ];
  const core = () => createInteractionCore({ deps, routes });

  it("handles a redelivered event once", async () => {
    const engine = core();
    const conversation = recordingConversation();
    await engine.handle(incoming({ kind: "home" }, { deliveryId: "Ev0CORE00001" }), conversation);
    await engine.handle(incoming({ kind: "home" }, { deliveryId: "Ev0CORE00001" }), conversation);
    expect(homes).toBe(1);
    expect(conversation.replies).toEqual([{ kind: "none" }]);
  });

  it("creates the person on first sight with their platform profile", async () => {
    const conversation = recordingConversation({
      profile: { displayName: "Ana Partner", email: "ana@example.org", timezone: "Europe/Madrid", isBot: false },
    });
    await core().handle(incoming({ kind: "home" }, { user: "U0NEW000001" }), conversation);
    const workspace = await repos.workspaces.ensure("slack", origin.workspace);
    const person = await repos.people.ensure(workspace.id, "U0NEW000001");
    expect(person).toMatchObject({ displayName: "Ana Partner", timezone: "Europe/Madrid" });
  });

  it("shows a refusal where the person is: privately for a command, on top of the screen for its button", async () => {
    const engine = core();
    const command = recordingConversation();
    await engine.handle(incoming({ kind: "command", text: "forbidden" }), command);
    expect(command.replies).toEqual([{ kind: "message", message: { summary: "Only the facilitators can do that." } }]);

    const screen = recordingConversation();
    const button: Interaction = { kind: "action", actionId: "step.open", value: "", where: "screen", context: {} };
    await engine.handle(incoming(button), screen);
    expect(screen.replies).toMatchObject([
      { kind: "push", screen: { id: "notice", blocks: [{ kind: "text", text: "The deadline has passed." }] } },
    ]);

    const broken = recordingConversation();
    await engine.handle(incoming({ kind: "command", text: "broken" }), broken);
    expect(broken.replies).toMatchObject([{ kind: "message", message: { summary: /Something went wrong/ } }]);
  });

  it("answers a submission next to the form when it is refused, without an early answer", async () => {
    const conversation = recordingConversation();
    const late: Interaction = { kind: "submit", formId: "step", action: null, values: { title: "late" }, context: {} };
    await core().handle(incoming(late), conversation);
    expect(conversation.replies).toEqual([{ kind: "errors", errors: {}, summary: "The deadline has passed." }]);
  });

  it("acknowledges early what the route can check, then saves and refreshes the screen underneath", async () => {
    const engine = core();
    const conversation = recordingConversation({ answersEarly: true });
    const submit: Interaction = { kind: "submit", formId: "step", action: null, values: { title: "Kit" }, context: {} };
    await engine.handle(incoming(submit), conversation);
    expect(conversation.replies).toEqual([{ kind: "close" }]);
    expect(saved).not.toContain("Kit");
    await engine.settled();
    expect(saved).toContain("Kit");
    expect(conversation.replies[1]).toMatchObject({ kind: "close", refresh: { id: "overview" } });

    const empty = recordingConversation({ answersEarly: true });
    await engine.handle(incoming({ ...submit, values: {} }), empty);
    expect(empty.replies).toEqual([{ kind: "errors", errors: { title: "Please enter a title." } }]);
  });

  it("tells the person privately, with what they typed, when an answer acknowledged early is refused", async () => {
    const engine = core();
    const conversation = recordingConversation({ answersEarly: true });
    const late: Interaction = {
      kind: "submit",
      formId: "step",
      action: null,
      values: { title: "late", note: "typed <!here>" },
      context: {},
      submissionId: "V1:h1",
    };
    await engine.handle(incoming(late), conversation);
    await engine.settled();
    expect(conversation.replies).toEqual([{ kind: "close" }]);
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({
      key: "not-saved:V1:h1",
      message: { summary: "Your answer could not be saved: The deadline has passed." },
    });
    expect(JSON.stringify(notified[0]?.message.blocks)).toContain("typed <!here>");
  });

  it("answers a redelivered submission like its kept first copy, without handling it again", async () => {
    const engine = core();
    const submit: Interaction = {
      kind: "submit",
      formId: "versioned",
      action: null,
      values: { title: "Kit" },
      context: {},
      submissionId: "V2:h1",
    };
    const first = recordingConversation({ answersEarly: true });
    await engine.handle(incoming(submit), first);
    await engine.settled();
    expect(versioned).toEqual(["Kit"]);

    const again = recordingConversation({ answersEarly: true });
    await engine.handle(incoming(submit), again);
    await engine.settled();
    expect(again.replies).toEqual([{ kind: "close" }]);
    expect(versioned).toEqual(["Kit"]);

    const another = recordingConversation({ answersEarly: true });
    await engine.handle(incoming({ ...submit, submissionId: "V2:h2" }), another);
    expect(another.replies).toEqual([{ kind: "update", screen: staleForm }]);
  });

  it("settles only once an interaction acknowledged on arrival is handled (a closed form's draft is kept)", async () => {
    const engine = core();
    // Slack acknowledges a closed modal before handing it over: nobody awaits the handling, a stop drains it.
    const closed: Interaction = { kind: "closed", formId: "step", values: { title: "Half-typed" }, context: {} };
    const handled = engine.handle(incoming(closed, { user: "U0LATE000001" }), recordingConversation());
    await engine.settled();
    expect(drafts).toContain("Half-typed");
    await handled;
  });
});
