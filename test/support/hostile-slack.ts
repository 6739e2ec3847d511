// A seeded generator of correctly signable but malformed Slack requests: broken encodings, wrong types in the
// fields Bolt and our listeners read, huge and control-character text, unknown ids and event types.
import { seededRandom } from "../../src/core/clustering/rng.ts";

export interface HostileRequest {
  kind: string;
  body: string;
  contentType: string;
}

export interface HostileContext {
  teamId: string;
  userIds: string[];
  projectIds: string[];
  resultIds: string[];
  viewIds: string[];
  /** A response_url the stand-in issued, so slash commands look like Slack's. */
  responseUrl: string;
  /** Ids of another workspace's workshop, project and result (forged into forms and buttons). */
  foreignIds?: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

const form = "application/x-www-form-urlencoded";
const json = "application/json";
const callbackIds = [
  "workshop.setup",
  "project.add",
  "project.edit",
  "homework.results",
  "homework.characterise",
  "homework.interest",
  "no.such.modal",
];
const actionIds = [
  "homework.start",
  "homework.start#3",
  "homework.results",
  "homework.characterise",
  "homework.interest",
  "no.such.button",
];
const suggestionIds = ["resultId", "timezone", "no.such.select"];
const eventTypes = ["app_home_opened", "message", "app_mention", "no_such_event", "member_joined_channel"];

export function hostileRequests(seed: number, count: number, context: HostileContext): HostileRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;

  const hugeText = () => "é".repeat(50 * 1024); // 100 KB of UTF-8
  const controlText = () => {
    const controls = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
      String.fromCharCode(Math.floor(random() * 32)),
    );
    return `${controls.join("")}\u0000<!channel>\u202e\ud800`;
  };
  const garbage = (): Json =>
    pick<() => Json>([
      () => null,
      () => true,
      () => -1,
      () => 1e308,
      () => "",
      () => "not what you expected",
      () => [],
      () => [null, 1, "x", {}],
      () => ({}),
      () => ({ id: 42, type: [], value: { nested: null } }),
      hugeText,
      controlText,
      () => pick(context.projectIds),
    ])();

  const someUser = (): Json => ({ id: pick(context.userIds), username: "u", name: "u", team_id: context.teamId });
  const stateValues = (): Json =>
    pick<() => Json>([
      () => garbage(),
      () => ({ acronym: { acronym: { type: "plain_text_input", value: controlText() } } }),
      () => ({ result_1: { result_1: { type: "plain_text_input", value: hugeText() } } }),
      () => ({ result_1: { result_1: null }, result_2: "x" }),
      () => ({ resultId: { resultId: { type: "external_select", selected_option: garbage() } } }),
      () => ({ members: { members: { type: "multi_users_select", selected_users: garbage() } } }),
      () => ({
        trlNow: { trlNow: { type: "number_input", value: "NaN" } },
        owners: { owners: { selected_options: 7 } },
      }),
      () => ({ homeworkDeadline: { homeworkDeadline: { selected_date_time: "tomorrow" } } }),
    ])();
  const metadata = (): Json =>
    pick<() => Json>([
      () => garbage(),
      () => "{not json",
      () => JSON.stringify({ project: pick(context.projectIds), slots: "nope", root: 5 }),
      () => JSON.stringify({ project: pick(context.projectIds), root: pick(context.viewIds) }),
      () => JSON.stringify({ result: pick(context.resultIds), project: 12 }),
      () => JSON.stringify(["array"]),
    ])();
  const view = (): Json => ({
    id: pick(context.viewIds),
    team_id: context.teamId,
    type: "modal",
    callback_id: pick(callbackIds),
    private_metadata: metadata(),
    root_view_id: pick(context.viewIds),
    state: { values: stateValues() },
    blocks: chance(0.5) ? [] : garbage(),
  });
  const common = (type: string): JsonRecord => ({
    type,
    team: { id: context.teamId, domain: "team" },
    user: someUser(),
    api_app_id: "A0APP000001",
    token: "standInVerificationToken",
    trigger_id: "1234.5678.abcdef",
  });

  const shapes: Record<string, () => JsonRecord> = {
    block_actions: () => ({
      ...common("block_actions"),
      actions: [
        {
          action_id: pick(actionIds),
          block_id: "b",
          type: "button",
          value: chance(0.5) ? pick([...context.projectIds, ...context.resultIds]) : garbage(),
          action_ts: "1.2",
        },
      ],
      view: view(),
      container: { type: "view", view_id: pick(context.viewIds) },
      channel: { id: "C0GENERAL01" },
    }),
    view_submission: () => ({ ...common("view_submission"), view: view(), response_urls: [] }),
    view_closed: () => ({ ...common("view_closed"), view: view(), is_cleared: false }),
    block_suggestion: () => ({
      ...common("block_suggestion"),
      action_id: pick(suggestionIds),
      block_id: "resultId",
      value: chance(0.5) ? "" : garbage(),
      view: view(),
    }),
    event_callback: () => ({
      type: "event_callback",
      team_id: context.teamId,
      api_app_id: "A0APP000001",
      event_id: `Ev${Math.floor(random() * 1e12)}`,
      event_time: 1,
      event: {
        type: pick(eventTypes),
        user: pick(context.userIds),
        channel: "D0DM0000001",
        tab: pick(["home", "messages", "nonsense"]),
        text: controlText(),
        ts: "1.2",
      },
    }),
  };

  /** Replaces or removes one field somewhere in a well-formed payload. */
  const mutate = (node: Json, depth: number): Json => {
    if (node === null || typeof node !== "object" || depth > 4) return garbage();
    if (Array.isArray(node)) {
      if (node.length === 0 || chance(0.3)) return garbage();
      const copy = [...node];
      const index = Math.floor(random() * copy.length);
      copy[index] = mutate(copy[index] as Json, depth + 1);
      return copy;
    }
    const keys = Object.keys(node);
    if (keys.length === 0) return garbage();
    const key = pick(keys);
    const copy: JsonRecord = { ...node };
    if (chance(0.25)) delete copy[key];
    else copy[key] = chance(0.4) ? garbage() : mutate(node[key] as Json, depth + 1);
    return copy;
  };

  const asPayload = (value: Json | string): HostileRequest["body"] =>
    new URLSearchParams({ payload: typeof value === "string" ? value : JSON.stringify(value) }).toString();

  const generators: [string, () => HostileRequest][] = [
    [
      "bad json",
      () => ({ kind: "bad json", body: asPayload(pick(["{", '{"type":', "nul", "[1,", "\u0000"])), contentType: form }),
    ],
    [
      "payload literal",
      () => ({
        kind: "payload literal",
        body: asPayload(pick(["null", "[]", "42", '"x"', "true", "{}"])),
        contentType: form,
      }),
    ],
    [
      "json literal",
      () => ({ kind: "json literal", body: pick(["null", "[]", "[{}]", "7", '"s"', "{", ""]), contentType: json }),
    ],
    [
      "json array body",
      () => ({ kind: "json array body", body: JSON.stringify([shapes.event_callback!()]), contentType: json }),
    ],
    [
      "mutated payload",
      () => {
        const type = pick(Object.keys(shapes).filter((name) => name !== "event_callback"));
        return { kind: `mutated ${type}`, body: asPayload(mutate(shapes[type]!(), 0)), contentType: form };
      },
    ],
    [
      "well-shaped payload",
      () => {
        const type = pick(Object.keys(shapes).filter((name) => name !== "event_callback"));
        return { kind: `shaped ${type}`, body: asPayload(shapes[type]!()), contentType: form };
      },
    ],
    [
      "mutated event",
      () => ({ kind: "mutated event", body: JSON.stringify(mutate(shapes.event_callback!(), 0)), contentType: json }),
    ],
    [
      "well-shaped event",
      () => ({ kind: "shaped event", body: JSON.stringify(shapes.event_callback!()), contentType: json }),
    ],
    [
      "slash command",
      () => {
        const fields: Record<string, string> = {
          command: pick(["/cluster", "/unknown", ""]),
          text: pick([
            "help",
            "status",
            "project add",
            "project remove ZZZ",
            "homework open",
            controlText(),
            hugeText(),
          ]),
          team_id: context.teamId,
          user_id: pick(context.userIds),
          channel_id: "C0GENERAL01",
          trigger_id: "1.2.3",
          response_url: context.responseUrl,
        };
        const dropped = pick([...Object.keys(fields), "none"]);
        delete fields[dropped];
        return { kind: "slash command", body: new URLSearchParams(fields).toString(), contentType: form };
      },
    ],
    [
      "takeover: setup submitted",
      () => {
        const workshop = pick<Json>([null, ...(context.foreignIds ?? []), "not-a-uuid"]);
        const payload = {
          ...common("view_submission"),
          view: {
            ...(view() as JsonRecord),
            callback_id: "workshop.setup",
            private_metadata: JSON.stringify({ workshop }),
            state: {
              values: {
                name: {
                  name: { type: "plain_text_input", value: pick(["Takeover", "Seeded workshop", controlText()]) },
                },
                timezone: {
                  timezone: {
                    type: "external_select",
                    selected_option: { text: { type: "plain_text", text: "UTC" }, value: "UTC" },
                  },
                },
                maxResultsPerProject: { maxResultsPerProject: { type: "number_input", value: "3" } },
              },
            },
          },
        };
        return { kind: "takeover setup", body: asPayload(payload), contentType: form };
      },
    ],
    [
      "foreign ids",
      () => {
        const foreign = context.foreignIds?.length ? pick(context.foreignIds) : "00000000-0000-0000-0000-000000000000";
        const payload = pick<() => JsonRecord>([
          () => ({
            ...common("block_actions"),
            actions: [
              {
                action_id: pick([...actionIds, "homework.continue", "reminder.snooze"]),
                block_id: "b",
                type: "button",
                value: foreign,
                action_ts: "1.2",
              },
            ],
            channel: { id: "C0GENERAL01" },
            container: { type: "message", message_ts: "1.2", channel_id: "C0GENERAL01" },
          }),
          () => ({
            ...common("view_submission"),
            view: {
              ...(view() as JsonRecord),
              callback_id: pick(["project.edit", "homework.interest", "homework.characterise", "homework.results"]),
              private_metadata: JSON.stringify({ project: foreign, result: foreign, slots: [foreign], limit: 3 }),
            },
          }),
        ])();
        return { kind: "foreign ids", body: asPayload(payload), contentType: form };
      },
    ],
    [
      "40 KB argument",
      () => {
        const argument = pick(["x", "é", "<!channel>", "\u202e"]).repeat(40_000 / 2);
        const fields = {
          command: "/cluster",
          text: `${pick(["", "project edit ", "project remove ", "reopen ", "remind ", "away "])}${argument}`,
          team_id: context.teamId,
          user_id: pick(context.userIds),
          channel_id: "C0GENERAL01",
          trigger_id: "1.2.3",
          response_url: context.responseUrl,
        };
        return { kind: "40 KB argument", body: new URLSearchParams(fields).toString(), contentType: form };
      },
    ],
    [
      "look-alike text",
      () => {
        const payload = {
          ...common("view_submission"),
          view: {
            ...(view() as JsonRecord),
            callback_id: "project.add",
            private_metadata: "{}",
            state: {
              values: {
                acronym: {
                  acronym: {
                    type: "plain_text_input",
                    value: pick(["\u0391LPHA", "\u0410\u0412\u0421", "AL\u200dPHA"]),
                  },
                },
                title: { title: { type: "plain_text_input", value: `Kit\u202e\u2066 ${controlText()}` } },
                partners: { partners: { type: "plain_text_input", value: `Uni\u00ad ${"Very ".repeat(40)}Long` } },
                members: { members: { type: "multi_users_select", selected_users: [] } },
              },
            },
          },
        };
        return { kind: "look-alike text", body: asPayload(payload), contentType: form };
      },
    ],
    [
      "type-ahead flood",
      () => {
        const payload = {
          ...common("block_suggestion"),
          action_id: "resultId",
          block_id: "resultId",
          value: pick(["", "s", "se", "sensor", "é".repeat(2_000)]),
          view: {
            ...(view() as JsonRecord),
            callback_id: "homework.interest",
            private_metadata: JSON.stringify({ project: pick([...context.projectIds, ...(context.foreignIds ?? [])]) }),
          },
        };
        return { kind: "type-ahead flood", body: asPayload(payload), contentType: form };
      },
    ],
    [
      "form without fields",
      () => ({
        kind: "form",
        body: pick(["", "a=b", "payload", "payload=", "&&&=", "command[]=x"]),
        contentType: form,
      }),
    ],
  ];

  return Array.from({ length: count }, () => pick(generators)[1]());
}
