// Converse: what the adapter does with a Reply while (and right after) it answers one request. The adapter makes a
// Conversation per incoming request and hands it to the interaction core with the Interaction.
import type { Reply } from "../interaction/reply.ts";
import type { PersonProfile } from "./notify.ts";

export interface Conversation {
  /**
   * True when the platform needs its answer before slow work is done (Slack: 3 s). A submission whose route can
   * check it from what the screen carries is then answered at once (`close` or `errors`) and saved after.
   */
  readonly answersEarly: boolean;
  /**
   * Shows the reply (see Reply for what each kind means). Called once to answer the request; after an early
   * `close`, once more with `close` and the refreshed screen underneath once the answer is saved.
   */
  reply(reply: Reply): Promise<void>;
  /** Optional: the acting person's platform profile, to name them and know their time zone. */
  actorProfile?(): Promise<PersonProfile | null>;
}
