// The one entry point for every surface: an adapter hands in what a person did (Incoming) and the conversation to
// answer in; the core de-duplicates redeliveries, finds the route, applies the ack-first policy, resolves the
// person, runs the use case, turns refusals into replies shown where the person is, and answers. An answer
// acknowledged before it is applied is first kept in the submission inbox, so an ack always means it is durable.
import { randomUUID } from "node:crypto";
import { isDatabaseUnreachable } from "../../store/errors.ts";
import type { AppDependencies } from "../context.ts";
import type { Conversation } from "../ports/converse.ts";
import { Refusal } from "../refusal.ts";
import { actorResolver } from "./actors.ts";
import { followUps, type Traffic } from "./follow-ups.ts";
import type { Incoming, Interaction } from "./interaction.ts";
import { databaseUnreachable, notSavedMessage, reasonOf, refusalReply, somethingWentWrong } from "./outcomes.ts";
import type { Reply } from "./reply.ts";
import { findRoute, type Route } from "./router.ts";

export interface InteractionCoreOptions {
  deps: AppDependencies;
  routes: readonly Route[];
  /** When requests arrive, so work after an early answer waits for a lull (PGlite shares the thread). */
  traffic?: Traffic;
  /** Pieces of work after early answers running at once; default 2. */
  followUpConcurrency?: number;
}

export interface InteractionCore {
  handle(incoming: Incoming, conversation: Conversation): Promise<void>;
  /**
   * Applies the answers kept in the inbox but never applied (the process stopped after their ack); call once at
   * start. Resolves once they are queued; `settled()` once they are applied.
   */
  resume(): Promise<number>;
  /**
   * Resolves once every interaction handed in is handled and the work queued after early answers is done (the
   * drain awaited before a stop; what tests wait for), on every store.
   */
  settled(): Promise<void>;
}

/** The conversation of a request answered by a process that is gone: nothing to redraw, nobody to answer. */
const detached: Conversation = { answersEarly: false, reply: async () => {} };

export function createInteractionCore(options: InteractionCoreOptions): InteractionCore {
  const { deps, routes } = options;
  const actors = actorResolver(deps.repos, deps.clock, deps.logger);
  /** Answers being kept in the inbox before their ack; work after early answers does not start meanwhile. */
  let keeping = 0;
  const later = followUps({
    acksWaiting: () => keeping > 0,
    concurrency: options.followUpConcurrency ?? 2,
    onError: (error) => deps.logger.error({ err: error }, "work after an early answer failed"),
    ...(options.traffic ? { traffic: options.traffic } : {}),
  });

  /** The route's reply, or a refusal shown where the person is; with the person, once resolved. */
  async function run(route: Route, { origin, interaction }: Incoming, conversation: Conversation) {
    let actor: Awaited<ReturnType<typeof actors.resolve>> | undefined;
    const afterwards: (() => Promise<void>)[] = [];
    const after = (work: () => Promise<void>) => void afterwards.push(work);
    try {
      const profile = conversation.actorProfile?.bind(conversation);
      actor = await actors.resolve(origin, profile);
      return { actor, reply: await route.handle({ interaction, actor, origin, deps, after }), afterwards };
    } catch (error) {
      // A refused or failed route starts nothing afterwards.
      if (error instanceof Refusal) return { actor, reply: refusalReply(interaction, error.message), afterwards: [] };
      if (isDatabaseUnreachable(error)) {
        deps.logger.error({ err: error, route: route.name }, "the database cannot be reached");
        return { actor, reply: refusalReply(interaction, databaseUnreachable), afterwards: [] };
      }
      deps.logger.error({ err: error, route: route.name }, "an interaction failed");
      return { actor, reply: refusalReply(interaction, somethingWentWrong), afterwards: [] };
    }
  }

  /** The work a route asked for after its answer, once the answer is out. */
  const queue = (afterwards: (() => Promise<void>)[]) => {
    for (const work of afterwards) later.run(work);
  };

  /** After an early `close`: save, then refresh the screen underneath, or tell the person what was not saved. */
  async function finish(route: Route, incoming: Incoming, conversation: Conversation): Promise<void> {
    const { actor, reply, afterwards } = await run(route, incoming, conversation);
    if (reply.kind === "close") {
      await conversation.reply(reply);
      return queue(afterwards);
    }
    const { interaction } = incoming;
    deps.logger.warn({ route: route.name, reply: reply.kind }, "an answer acknowledged early could not be saved");
    if (!actor || interaction.kind !== "submit") return;
    // Through the outbox: retried when the platform fails for now; a failure for good is kept and listed in status.
    await deps.notify
      .notify({
        to: { workspaceId: actor.workspaceId, personId: actor.personId },
        key: `not-saved:${interaction.submissionId ?? `${interaction.formId}:${deps.clock.now().getTime()}`}`,
        message: notSavedMessage(reasonOf(reply), interaction.values),
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, "the note of what was not saved cannot be sent"));
  }

  /** Keys of inbox rows this process has queued, so `resume` does not queue them twice. */
  const queued = new Set<string>();

  /** Applies a kept answer, then marks it applied; on a failure it stays pending for the next start. */
  function apply(key: string, route: Route, incoming: Incoming, conversation: Conversation): void {
    queued.add(key);
    later.run(async () => {
      try {
        await finish(route, incoming, conversation);
        await deps.repos.inbox.markApplied(key, deps.clock.now());
      } finally {
        queued.delete(key);
      }
    });
  }

  /** Whether this very submission (same submission id) was kept already. */
  async function keptAlready({ origin, interaction }: Incoming): Promise<boolean> {
    if (interaction.kind !== "submit" || !interaction.submissionId) return false;
    const found = await deps.repos.inbox.find(inboxKey({ origin, interaction })).catch((error: unknown) => {
      if (isDatabaseUnreachable(error)) return null;
      throw error;
    });
    return found !== null;
  }

  async function handleOne(incoming: Incoming, conversation: Conversation): Promise<void> {
    const { origin, interaction } = incoming;
    if (origin.deliveryId) {
      const key = `${origin.platform}-event:${origin.deliveryId}`;
      // With the database down nothing can be stored twice: go on, and the route tells the person so.
      const first = await deps.repos.deliveries.firstTime(key).catch((error: unknown) => {
        if (isDatabaseUnreachable(error)) return true;
        throw error;
      });
      if (!first) return;
    }
    const route = findRoute(routes, interaction);
    if (!route) return conversation.reply(unrouted(interaction));
    const early = conversation.answersEarly ? (route.acknowledge?.(interaction, deps) ?? null) : null;
    if (early?.kind === "close") {
      // Durable before the ack: a redelivery (same submission) finds its row and is only answered again.
      const key = inboxKey(incoming);
      keeping++;
      let first: boolean;
      try {
        first = await deps.repos.inbox.keep(key, incoming);
      } finally {
        keeping--;
      }
      await conversation.reply(early);
      if (first) apply(key, route, incoming, conversation);
      return;
    }
    if (early) return conversation.reply(early);
    if (early === null && route.acknowledge && conversation.answersEarly && (await keptAlready(incoming))) {
      // The same submission again (the platform redelivers it): its first copy was acknowledged and kept, so it is
      // answered the same way. Handled again it would find the form behind its own save ("changed meanwhile").
      return conversation.reply({ kind: "close" });
    }
    const { reply, afterwards } = await run(route, incoming, conversation);
    await conversation.reply(reply);
    queue(afterwards);
  }

  /**
   * Interactions being handled. An adapter may acknowledge on arrival (a button, a closed modal) and hand the rest
   * over, so the work a person started is not all in `later` yet: settling waits for these too.
   */
  const handling = new Set<Promise<void>>();

  return {
    handle(incoming, conversation) {
      const done = handleOne(incoming, conversation);
      handling.add(done);
      const forget = () => void handling.delete(done);
      done.then(forget, forget);
      return done;
    },
    async resume() {
      const pending = (await deps.repos.inbox.pending()).filter((row) => !queued.has(row.key));
      for (const row of pending) {
        const incoming = row.incoming as unknown as Incoming;
        const route = findRoute(routes, incoming.interaction);
        if (route) apply(row.key, route, incoming, detached);
        else deps.logger.error({ key: row.key }, "a kept answer has no route any more; it stays in the inbox");
      }
      if (pending.length > 0) deps.logger.info({ count: pending.length }, "applying answers kept before a restart");
      return pending.length;
    },
    async settled() {
      // Work being handled may queue more for later, and later work never starts an interaction: both empty is final.
      do {
        await Promise.allSettled([...handling]);
        await later.idle();
      } while (handling.size > 0);
    },
  };
}

/** One row per submission: Slack's view id and hash; a submission without an id is kept once per arrival. */
function inboxKey({ origin, interaction }: Incoming): string {
  const id = interaction.kind === "submit" && interaction.submissionId ? interaction.submissionId : randomUUID();
  return `${origin.platform}:${origin.workspace}:${id}`;
}

/** Nobody handles it (a form from an older version, a forged payload): answer so the platform is not left waiting. */
function unrouted(interaction: Interaction): Reply {
  if (interaction.kind === "submit")
    return refusalReply(interaction, "This form is no longer in use. Please close it and start again.");
  return interaction.kind === "suggest" ? refusalReply(interaction, "") : { kind: "none" };
}
