// Notifying a Teams partner outside a request, through the app's NotifyPort and the Teams PlatformLink: the
// message reaches their 1:1 chat through the stored conversation reference, once per key however often it is
// asked for (decided by our records: a bot cannot read a 1:1 chat's history), and their profile carries the time
// zone their activities reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, startTeamsHarness, type TeamsHarness, tenantId } from "./harness.ts";

describe("Teams notifications through the app's NotifyPort", () => {
  let harness: TeamsHarness;
  let to: { workspaceId: string; personId: string };
  beforeAll(async () => {
    harness = await startTeamsHarness("pglite");
    await harness.teams.driver.installPersonal(people.ana);
    await harness.teams.driver.message(people.ana, "help");
    await harness.adapter.idle();
    const workspace = await harness.repos.workspaces.ensure("teams", tenantId);
    const person = await harness.repos.people.ensure(workspace.id, people.ana);
    to = { workspaceId: workspace.id, personId: person.id };
  });
  afterAll(() => harness.close());

  it("sends once per key, into the partner's 1:1 chat, with what was written shown literally", async () => {
    const before = harness.teams.state.personalMessages(people.ana).length;
    const message = {
      summary: "Reminder: **homework** is due",
      blocks: [{ kind: "text" as const, text: "<at>all</at> *soon*" }],
    };
    const first = await harness.deps.notify.notify({ to, key: "reminder:test-1", message });
    const again = await harness.deps.notify.notify({ to, key: "reminder:test-1", message });
    expect(first).toEqual({ status: "sent" });
    expect(again).toEqual({ status: "already-sent", foundIn: "our-records" });
    const received = harness.teams.state.personalMessages(people.ana).slice(before);
    expect(received).toHaveLength(1);
    const card = JSON.stringify(received[0]?.activity);
    expect(card).toContain("<at>all</at> \\\\*soon\\\\*");
    expect(card).toContain("Reminder: **homework** is due");
  });

  it("gives the partner's profile with the time zone Teams reported", async () => {
    expect(await harness.deps.notify.profile(to)).toMatchObject({
      displayName: "Ana Partner",
      timezone: "Europe/Madrid",
    });
    const person = await harness.repos.people.find(to.personId);
    expect(person?.timezone).toBe("Europe/Madrid");
  });
});
