// A working group's channel name: readable, valid on Slack (lowercase letters, digits, "-" and "_", at most 80
// characters) and on the other surfaces: "<workshop prefix>-<cluster label>", with "-2", "-3"… when a name is taken.

export const channelNameMaxLength = 80;
const prefixMaxLength = 20;

/** Lowercase ASCII words joined by "-": accents dropped, "&" read as "and", everything else a separator. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Cuts at a word boundary where one is near, never leaving a trailing "-". */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max);
  const lastDash = head.lastIndexOf("-");
  return (lastDash >= max / 2 ? head.slice(0, lastDash) : head).replace(/-+$/, "");
}

/** The short prefix every channel of a workshop starts with, from its name ("Smart Factories 2027" → "smart-factories-2027"). */
export function workshopPrefix(workshopName: string): string {
  return cut(slugify(workshopName), prefixMaxLength) || "wg";
}

/**
 * The name to try for a cluster's channel; `attempt` 1 is the plain name, 2 and on add "-2", "-3"… (after Slack
 * answered `name_taken`). Always 1–80 characters.
 */
export function workingGroupChannelName(workshopName: string, clusterLabel: string, attempt = 1): string {
  const prefix = workshopPrefix(workshopName);
  const suffix = attempt > 1 ? `-${attempt}` : "";
  const room = channelNameMaxLength - prefix.length - 1 - suffix.length;
  const label = cut(slugify(clusterLabel), room) || "group";
  return `${prefix}-${label}${suffix}`;
}
