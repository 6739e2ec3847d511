// The OAuth `state`: signed (so nobody forges one) and bound to the browser by a cookie (Slack's InstallProvider
// checks both), and used at most once: a redirect replayed with the same state and cookie is refused before the
// code is exchanged. Used states are kept in the database until they would have expired anyway.
import { createHash } from "node:crypto";
import { ClearStateStore, type InstallURLOptions, InvalidStateError, type StateStore } from "@slack/oauth";

/** How long an install link stays usable (InstallProvider's default). */
const stateLifetimeSeconds = 600;

/** Where used states are remembered (the store's `oauthStates` repository). */
export interface UsedOAuthStates {
  /** Records the state's hash; false when it was recorded before (and has not expired). */
  useOnce(hash: string, expiresAt: Date, now: Date): Promise<boolean>;
}

export function singleUseStateStore(stateSecret: string, usedStates: UsedOAuthStates): StateStore {
  const signed = new ClearStateStore(stateSecret, stateLifetimeSeconds);
  return {
    generateStateParam: (options: InstallURLOptions, now: Date) => signed.generateStateParam(options, now),
    async verifyStateParam(now: Date, state: string) {
      const options = await signed.verifyStateParam(now, state);
      const hash = createHash("sha256").update(state).digest("hex");
      const expiresAt = new Date(now.getTime() + stateLifetimeSeconds * 1000);
      if (!(await usedStates.useOnce(hash, expiresAt, now))) {
        throw new InvalidStateError("The state value was already used");
      }
      return options;
    },
  };
}
