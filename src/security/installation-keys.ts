// Which stored Slack installations the configured keys open, and re-encrypting them with the current key.
// Used at start (a wrong CLUSTERBOT_ENCRYPTION_KEY must not start "healthy" and then drop every workspace),
// by /healthz, and by `clusterbot keys rotate`.
import { sealingContext } from "../platforms/slack/installation-store.ts";
import type { slackInstallationRepository } from "../store/repositories/slack-installations.ts";
import { SealedSecretError, type SecretBox } from "./secret-box.ts";

type Installations = Pick<ReturnType<typeof slackInstallationRepository>, "allSealed" | "replaceSealed">;

export interface KeyCensus {
  stored: number;
  /** Open with the current key, in the current format. */
  current: number;
  /** Open, but with the previous key or in the old format without authenticated data. */
  stale: number;
  /** Sealed with a key that is not configured. */
  otherKey: number;
  /** Do not open for their own row: altered, or copied from another team's row. */
  notTheirs: number;
}

export async function keyCensus(installations: Installations, box: SecretBox): Promise<KeyCensus> {
  const census: KeyCensus = { stored: 0, current: 0, stale: 0, otherKey: 0, notTheirs: 0 };
  for (const row of await installations.allSealed()) {
    census.stored++;
    const outcome = tryOpen(box, row.encryptedBundle, sealingContext(row));
    census[outcome]++;
  }
  return census;
}

export function unreadable(census: KeyCensus): number {
  return census.otherKey + census.notTheirs;
}

/** A plain sentence for the log and /healthz; no key material. Undefined when every installation opens. */
export function describeUnreadable(census: KeyCensus): string | undefined {
  const count = unreadable(census);
  if (count === 0) return undefined;
  const parts = [
    census.otherKey > 0
      ? `${census.otherKey} sealed with a key that is neither CLUSTERBOT_ENCRYPTION_KEY nor CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS`
      : "",
    census.notTheirs > 0 ? `${census.notTheirs} that do not open for their own team (altered or moved rows)` : "",
  ].filter(Boolean);
  return `CLUSTERBOT_ENCRYPTION_KEY cannot decrypt ${count} of ${census.stored} stored Slack installation(s): ${parts.join("; ")}`;
}

export interface RotationReport extends KeyCensus {
  /** Sealed again with the current key during this run. */
  resealed: number;
}

/** Seals every installation that the previous key or the old format opens again with the current key. */
export async function rotateInstallations(installations: Installations, box: SecretBox): Promise<RotationReport> {
  const report: RotationReport = { stored: 0, current: 0, stale: 0, otherKey: 0, notTheirs: 0, resealed: 0 };
  for (const row of await installations.allSealed()) {
    report.stored++;
    const context = sealingContext(row);
    const outcome = tryOpen(box, row.encryptedBundle, context);
    report[outcome]++;
    if (outcome !== "stale") continue;
    const { plaintext } = box.open(row.encryptedBundle, context);
    const key = { teamId: row.teamId, enterpriseId: row.enterpriseId };
    if (await installations.replaceSealed(key, row.encryptedBundle, box.seal(plaintext, context))) report.resealed++;
  }
  return report;
}

function tryOpen(box: SecretBox, sealed: string, context: string): "current" | "stale" | "otherKey" | "notTheirs" {
  try {
    return box.open(sealed, context).stale ? "stale" : "current";
  } catch (error) {
    if (!(error instanceof SealedSecretError)) throw error;
    return error.reason === "unknown_key" ? "otherKey" : "notTheirs";
  }
}
