// The workshop's partners as a thread reply names them: a project's acronym, an organisation's name, or the
// acronym in brackets after it ("Technische Universität Dresden (TUD)"), whatever the case and accents.

export interface Partner {
  /** How the partner is shown and stored (the acronym of a project, the name of an organisation). */
  name: string;
  /** Other ways to write it. */
  aliases: string[];
}

/** Lowercase, accents dropped, anything not a letter or digit a single space, padded with spaces for word search. */
export function normalizeName(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return plain ? ` ${plain} ` : " ";
}

function spellings(partner: Partner): string[] {
  const bracketed = [partner.name, ...partner.aliases].flatMap((name) =>
    [...name.matchAll(/\(([^()]{2,20})\)/g)].map((match) => match[1]!),
  );
  const withoutBrackets = [partner.name, ...partner.aliases].map((name) => name.replace(/\([^()]*\)/g, " "));
  return [...new Set([partner.name, ...partner.aliases, ...bracketed, ...withoutBrackets].map(normalizeName))].filter(
    (spelling) => spelling.trim().length > 0,
  );
}

export interface PartnerMention {
  partner: Partner;
  /** Where the mention starts and ends in the normalised text (orders mentions). */
  at: number;
  end: number;
  /** The normalised words right after the mention (to read "ACME leads"). */
  followedBy: string;
}

/** Every partner named in `text`, in order of first mention; a longer spelling wins over one inside it. */
export function findPartners(text: string, partners: readonly Partner[]): PartnerMention[] {
  const normalized = normalizeName(text);
  const found: PartnerMention[] = [];
  for (const partner of partners) {
    let best: { at: number; end: number } | null = null;
    for (const spelling of spellings(partner)) {
      const at = normalized.indexOf(spelling);
      if (at >= 0 && (best === null || at < best.at)) best = { at, end: at + spelling.length };
    }
    if (best)
      found.push({ partner, at: best.at, end: best.end, followedBy: normalized.slice(best.end - 1, best.end + 20) });
  }
  // "BETA University" names the organisation, not also the project BETA inside it.
  const inside = (a: PartnerMention, b: PartnerMention) =>
    a !== b && b.at <= a.at && a.end <= b.end && b.end - b.at > a.end - a.at;
  return found.filter((mention) => !found.some((other) => inside(mention, other))).sort((a, b) => a.at - b.at);
}

/** The names in a list ("ACME, UPM and TUD"), each matched to a partner, or the first that matches none. */
export function readPartnerList(
  text: string,
  partners: readonly Partner[],
): { ok: true; partners: Partner[] } | { ok: false; unknown: string } {
  const names = text
    .split(/\s*(?:,|;|\/|&|\+|\band\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map((name) => name.trim().replace(/[.!]+$/, ""))
    .filter((name) => name.length > 0);
  const matched: Partner[] = [];
  for (const name of names) {
    const [mention] = findPartners(name, partners);
    if (!mention) return { ok: false, unknown: name };
    if (!matched.includes(mention.partner)) matched.push(mention.partner);
  }
  return { ok: true, partners: matched };
}
