// Routing is a flat list of routes, first match wins: each says which interactions it takes and what to do with
// them. Features export their routes (src/app/<feature>/routes.ts); src/app/routes.ts lists them all.
import type { Actor, AppDependencies } from "../context.ts";
import { matchCommand } from "./command.ts";
import type {
  ActionInteraction,
  ClosedInteraction,
  CommandInteraction,
  HomeInteraction,
  Interaction,
  Origin,
  SubmitInteraction,
  SuggestInteraction,
} from "./interaction.ts";
import type { Reply } from "./reply.ts";

export interface RouteContext<I extends Interaction = Interaction> {
  interaction: I;
  /** The person acting, resolved from the origin (created on first sight). */
  actor: Actor;
  origin: Origin;
  deps: AppDependencies;
  /**
   * Work to run after the reply is out (a long job behind a quick "Working on it…"), a few at a time, awaited by
   * `core.settled()`. Its errors are only logged: tell the person yourself (e.g. through `deps.notify`).
   */
  after(work: () => Promise<void>): void;
}

export interface Route {
  /** For logs and tests, e.g. "submit homework.results". */
  name: string;
  matches(interaction: Interaction): boolean;
  handle(context: RouteContext): Promise<Reply>;
  /**
   * The ack-first policy: a check made only from what the interaction carries (no I/O). Returns the early answer
   * (`close` when it will be saved, `errors` when it cannot be) or null when only the full handling can tell.
   * Used where the platform needs its answer within seconds (`Conversation.answersEarly`).
   */
  acknowledge?(interaction: Interaction, deps: AppDependencies): Reply | null;
}

export function findRoute(routes: readonly Route[], interaction: Interaction): Route | undefined {
  return routes.find((route) => route.matches(interaction));
}

/** The ack-first check of a route (see Route.acknowledge). */
type Acknowledge<I extends Interaction> = (interaction: I, deps: AppDependencies) => Reply | null;

type Handler<I extends Interaction, Extra = object> = (context: RouteContext<I> & Extra) => Promise<Reply>;

function route<I extends Interaction>(
  name: string,
  accepts: (interaction: Interaction) => interaction is I,
  handle: Handler<I>,
  acknowledge?: Acknowledge<I>,
): Route {
  return {
    name,
    matches: accepts,
    handle: (context) => handle(context as RouteContext<I>),
    ...(acknowledge
      ? {
          acknowledge: (interaction: Interaction, deps: AppDependencies) =>
            accepts(interaction) ? acknowledge(interaction, deps) : null,
        }
      : {}),
  };
}

type Identified = ActionInteraction | SubmitInteraction | ClosedInteraction;

/** A route for the interactions of one kind whose id (action id, form id) matches `pattern`. */
function byId<I extends Identified>(
  kind: I["kind"],
  idOf: (interaction: I) => string,
  pattern: string | RegExp,
  handle: Handler<I>,
  acknowledge?: Acknowledge<I>,
): Route {
  const accepts = (interaction: Interaction): interaction is I => {
    if (interaction.kind !== kind) return false;
    const id = idOf(interaction as I);
    return typeof pattern === "string" ? pattern === id : pattern.test(id);
  };
  return route(`${kind} ${pattern}`, accepts, handle, acknowledge);
}

/**
 * A command: literal words, `<name>` for a required word, `[name]` for an optional one ("project edit <acronym>").
 * Literals match case-insensitively; the handler gets the named words as typed; words beyond the pattern are ignored.
 */
export function onCommand(pattern: string, handle: Handler<CommandInteraction, { args: Record<string, string> }>) {
  return route(
    `command ${pattern}`,
    (interaction): interaction is CommandInteraction =>
      interaction.kind === "command" && matchCommand(pattern, interaction.text) !== null,
    (context) => handle({ ...context, args: matchCommand(pattern, context.interaction.text) ?? {} }),
  );
}

/** A button by its action id. */
export function onAction(actionId: string | RegExp, handle: Handler<ActionInteraction>): Route {
  return byId<ActionInteraction>("action", (interaction) => interaction.actionId, actionId, handle);
}

/** A form's submission; `acknowledge` is its ack-first check (see Route). */
export function onSubmit(
  formId: string | RegExp,
  handle: Handler<SubmitInteraction>,
  acknowledge?: Acknowledge<SubmitInteraction>,
): Route {
  return byId<SubmitInteraction>("submit", (interaction) => interaction.formId, formId, handle, acknowledge);
}

/** A form closed without submitting (screens opened with `notifyOnClose`). */
export function onClosed(formId: string | RegExp, handle: Handler<ClosedInteraction>): Route {
  return byId<ClosedInteraction>("closed", (interaction) => interaction.formId, formId, handle);
}

export function onSuggest(formId: string, fieldId: string, handle: Handler<SuggestInteraction>): Route {
  return route(
    `suggest ${formId}/${fieldId}`,
    (interaction): interaction is SuggestInteraction =>
      interaction.kind === "suggest" && interaction.formId === formId && interaction.fieldId === fieldId,
    handle,
  );
}

export function onHome(handle: Handler<HomeInteraction>): Route {
  return route("home", (interaction): interaction is HomeInteraction => interaction.kind === "home", handle);
}

/** Any interaction of a kind, e.g. the fallback for unknown commands (put it last). */
export function onAny<K extends Interaction["kind"]>(
  kind: K,
  handle: Handler<Extract<Interaction, { kind: K }>>,
): Route {
  return route(
    `any ${kind}`,
    (interaction): interaction is Extract<Interaction, { kind: K }> => interaction.kind === kind,
    handle,
  );
}
