// Encrypts secrets at rest (Slack token bundles) with AES-256-GCM and a 128-bit tag, bound to what they belong to:
// the caller's context (e.g. the Slack team and enterprise ids) is authenticated data, so a sealed bundle copied onto
// another team's row does not open. Two keys for rotation: the current one seals and opens, the previous one only
// opens; whatever was opened with the previous key, or is in the old v1 format (no context), is reported stale so
// the caller seals it again with the current key.
//
// v2 format: `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is a short HMAC of the key, so the
// right key is picked without trying both, and a row sealed with a key no longer configured is named as such.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

const tagLength = 16;
const ivLength = 12;

export interface Opened {
  plaintext: string;
  /** Sealed with the previous key or in the v1 format: seal it again with the current key. */
  stale: boolean;
}

export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws SealedSecretError when neither key opens it (or it was sealed for another context). */
  open(sealed: string, context: string): Opened;
}

export class SealedSecretError extends Error {
  readonly reason: "unknown_key" | "tampered_or_other_context" | "malformed";

  constructor(reason: SealedSecretError["reason"], message: string) {
    super(message);
    this.name = "SealedSecretError";
    this.reason = reason;
  }
}

/** `key` is 32 bytes as 64 hex characters or base64 (CLUSTERBOT_ENCRYPTION_KEY); `previousKey` likewise. */
export function createSecretBox(key: string, previousKey?: string): SecretBox {
  const current = keyMaterial(key);
  const keys = [current, ...(previousKey ? [keyMaterial(previousKey)] : [])];
  return {
    seal(plaintext, context) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv("aes-256-gcm", current.bytes, iv, { authTagLength: tagLength });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const encrypted = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v2", current.id, iv, cipher.getAuthTag(), encrypted]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(sealed, context) {
      if (sealed.startsWith("v2.")) return openV2(sealed, context, keys, current);
      if (sealed.startsWith("v1.")) return { plaintext: openV1(sealed, keys), stale: true };
      throw new SealedSecretError("malformed", "not a sealed secret");
    },
  };
}

interface KeyMaterial {
  bytes: Buffer;
  id: string;
}

function keyMaterial(key: string): KeyMaterial {
  const bytes = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, "hex") : Buffer.from(key, "base64");
  if (bytes.length !== 32) throw new Error("the encryption key must be 32 bytes");
  return { bytes, id: createHmac("sha256", bytes).update("clusterbot key id").digest("base64url").slice(0, 8) };
}

function openV2(sealed: string, context: string, keys: KeyMaterial[], current: KeyMaterial): Opened {
  const [, keyId, iv, tag, data, extra] = sealed.split(".");
  if (!keyId || !iv || !tag || data === undefined || extra !== undefined) {
    throw new SealedSecretError("malformed", "not a sealed secret");
  }
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) throw new SealedSecretError("unknown_key", "sealed with a key that is not configured");
  const tagBytes = Buffer.from(tag, "base64url");
  if (tagBytes.length !== tagLength) throw new SealedSecretError("malformed", "the tag is not 16 bytes");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"), {
      authTagLength: tagLength,
    });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tagBytes);
    const plaintext = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
    return { plaintext: plaintext.toString("utf8"), stale: key !== current };
  } catch {
    throw new SealedSecretError("tampered_or_other_context", "does not open for this context (tampered or moved)");
  }
}

/** The first format: no key id, no context, base64 parts. Readable once, then sealed again as v2. */
function openV1(sealed: string, keys: KeyMaterial[]): string {
  const [, iv, tag, data, extra] = sealed.split(".");
  if (!iv || !tag || data === undefined || extra !== undefined) {
    throw new SealedSecretError("malformed", "not a sealed secret");
  }
  const tagBytes = Buffer.from(tag, "base64");
  if (tagBytes.length !== tagLength) throw new SealedSecretError("malformed", "the tag is not 16 bytes");
  for (const key of keys) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64"), {
        authTagLength: tagLength,
      });
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
    } catch {
      // Not this key: try the next one.
    }
  }
  throw new SealedSecretError("unknown_key", "sealed with a key that is not configured");
}
