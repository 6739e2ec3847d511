// Secrets never reach a log line. pino's `redact` paths only cover object keys, but the Slack libraries log whole
// request bodies inside message strings (WebClient logs `oauth.v2.access`'s body, client_secret and one-time code
// included, at debug). So every serialized line is rewritten at the logger's boundary: the configured secrets by
// value (in clear, JSON-escaped and URL-encoded form), and anything shaped like a credential by pattern.

export type Redact = (text: string) => string;

export const redacted = "[REDACTED]";

/** Secrets shorter than this are not matched by value (they would hide ordinary words); patterns still apply. */
const minimumKnownLength = 8;

/** Keys whose value is a secret wherever they appear: JSON (also escaped inside a string) or a query/form string. */
const secretKey =
  "[A-Za-z_-]*(?:secret|token|password|passwd|private_key|encryption_key)[A-Za-z_-]*|authorization|code";

const patterns: [RegExp, string][] = [
  // Slack tokens: bot, user, app-level, refresh, configuration.
  [/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, `$1-${redacted}`],
  // Bearer JWTs (Teams / Bot Framework) and any other three-part JWS.
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, redacted],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${redacted}`],
];

/** `"key":"value"` with any level of JSON escaping of the quotes. */
const jsonPair = new RegExp(String.raw`((?:\\*)"(${secretKey})(?:\\*)"\s*:\s*(?:\\*)")([^"\\]*)`, "gi");
/** `key=value` in a URL query or form body. */
const formPair = new RegExp(String.raw`((?:^|[?&\s"'(;,])(${secretKey})=)([^&\s"'\\;,)]+)`, "gi");

export function createRedactor(knownSecrets: readonly (string | undefined)[] = []): Redact {
  const known = knownSecretsPattern(knownSecrets);
  return (text) => {
    let out = known ? text.replace(known, redacted) : text;
    for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
    out = out.replace(jsonPair, (whole, prefix: string, key: string, value: string) =>
      keepsValue(key, value) ? whole : `${prefix}${redacted}`,
    );
    return out.replace(formPair, (whole, prefix: string, key: string, value: string) =>
      keepsValue(key, value) ? whole : `${prefix}${redacted}`,
    );
  };
}

/**
 * `code` is also the name of error codes (`slack_webapi_platform_error`, `P2002`, `ECONNRESET`), which a log should
 * keep; a one-time OAuth code is long and has digits. Values already redacted are left alone.
 */
function keepsValue(key: string, value: string): boolean {
  if (value === "" || value.startsWith(redacted)) return true;
  if (key.toLowerCase() !== "code") return false;
  return value.length < 12 || /^[A-Za-z_]+$/.test(value);
}

function knownSecretsPattern(secrets: readonly (string | undefined)[]): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < minimumKnownLength) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  if (forms.size === 0) return undefined;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(alternatives.join("|"), "g");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
