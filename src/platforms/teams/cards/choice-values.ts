// Teams returns a multi-select choice set as one comma-separated string, so a value containing a comma (a partner
// named "Acme, Inc.") would come back split. Such values travel encoded; every other value travels as it is.
const marker = "~";

export function encodeChoice(value: string): string {
  if (!value.includes(",") && !value.startsWith(marker)) return value;
  return `${marker}${Buffer.from(value, "utf8").toString("base64url")}`;
}

export function decodeChoice(value: string): string {
  if (!value.startsWith(marker)) return value;
  return Buffer.from(value.slice(marker.length), "base64url").toString("utf8");
}

/** "a,b,~xyz" → ["a", "b", "<decoded>"]; empty parts dropped. */
export function decodeChoiceList(joined: string): string[] {
  return joined
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(decodeChoice);
}
