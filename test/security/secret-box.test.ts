// The cipher for secrets at rest: bound to its row, a fixed 128-bit tag, two keys for rotation, the old format
// readable once.
import { describe, expect, it } from "vitest";
import { createSecretBox, SealedSecretError } from "../../src/security/secret-box.ts";
import { sealV1 } from "./support.ts";

const oldKey = "1a".repeat(32);
const newKey = "2b".repeat(32);
const teamA = "clusterbot/slack-installation/enterprise=/team=T0AAAAAAAAA";
const teamB = "clusterbot/slack-installation/enterprise=/team=T0BBBBBBBBB";

function reason(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof SealedSecretError) return error.reason;
    throw error;
  }
  return "opened";
}

describe("the secret box", () => {
  it("opens what it sealed, for the same row only", () => {
    const box = createSecretBox(newKey);
    const sealed = box.seal('{"bot":{"token":"xoxb-1"}}', teamA);
    expect(sealed).not.toContain("xoxb");
    expect(box.open(sealed, teamA)).toEqual({ plaintext: '{"bot":{"token":"xoxb-1"}}', stale: false });
    expect(reason(() => box.open(sealed, teamB))).toBe("tampered_or_other_context");
  });

  it("refuses a shortened authentication tag", () => {
    const box = createSecretBox(newKey);
    const parts = box.seal("secret", teamA).split(".");
    parts[3] = Buffer.from(parts[3]!, "base64url").subarray(0, 4).toString("base64url");
    expect(reason(() => box.open(parts.join("."), teamA))).toBe("malformed");
  });

  it("opens with the previous key during a rotation, reports it stale, and seals with the new key", () => {
    const sealedWithOld = createSecretBox(oldKey).seal("token bundle", teamA);
    const rotating = createSecretBox(newKey, oldKey);
    expect(rotating.open(sealedWithOld, teamA)).toEqual({ plaintext: "token bundle", stale: true });
    const resealed = rotating.seal("token bundle", teamA);
    expect(createSecretBox(newKey).open(resealed, teamA).stale).toBe(false);
    expect(reason(() => createSecretBox(oldKey).open(resealed, teamA))).toBe("unknown_key");
  });

  it("reads the old format without authenticated data once, as stale, with either key", () => {
    const old = sealV1(oldKey, "legacy bundle");
    expect(createSecretBox(oldKey).open(old, teamA)).toEqual({ plaintext: "legacy bundle", stale: true });
    expect(createSecretBox(newKey, oldKey).open(old, teamB)).toEqual({ plaintext: "legacy bundle", stale: true });
    expect(reason(() => createSecretBox(newKey).open(old, teamA))).toBe("unknown_key");
  });
});
