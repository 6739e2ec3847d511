// RS256 JWTs with node:crypto: the stand-in signs activities and app tokens with its own key, and checks the
// tokens the bot sends back (signature, audience, app id, expiry) the way Microsoft's services do.
import { createSign, createVerify, generateKeyPairSync, type KeyObject } from "node:crypto";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export type Claims = Record<string, unknown>;

export function createSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export function jwkOf(key: SigningKey): Record<string, unknown> {
  return {
    ...key.publicKey.export({ format: "jwk" }),
    kid: key.kid,
    use: "sig",
    alg: "RS256",
    endorsements: ["msteams"],
  };
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function signJwt(claims: Claims, key: SigningKey, kid = key.kid): string {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const body = b64url(JSON.stringify(claims));
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key.privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: string };

export function verifyJwt(
  token: string,
  key: SigningKey,
  expect: { audience: string; appId: string; nowSeconds: number },
): Verified {
  const [head, body, signature] = token.split(".");
  if (!head || !body || !signature) return { ok: false, reason: "not a JWT" };
  const valid = createVerify("RSA-SHA256")
    .update(`${head}.${body}`)
    .verify(key.publicKey, Buffer.from(signature, "base64url"));
  if (!valid) return { ok: false, reason: "bad signature" };
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Claims;
  if (claims.aud !== expect.audience) return { ok: false, reason: `audience ${String(claims.aud)}` };
  if (claims.appid !== expect.appId) return { ok: false, reason: `app id ${String(claims.appid)}` };
  if (typeof claims.exp !== "number" || claims.exp < expect.nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
