/** Slack's user timezone fields (`tz`, `tz_label`, `tz_offset` in seconds) for an IANA zone at a given instant. */
export interface TimezoneFields {
  tz: string;
  tz_label: string;
  tz_offset: number;
}

export function timezoneFields(tz: string, atMs: number): TimezoneFields {
  const date = new Date(atMs);
  const label = zonePart(tz, date, "long") ?? tz;
  const offsetText = zonePart(tz, date, "longOffset") ?? "GMT";
  return { tz, tz_label: label, tz_offset: parseOffset(offsetText) };
}

function zonePart(tz: string, date: Date, style: "long" | "longOffset"): string | undefined {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: style }).formatToParts(date);
  return parts.find((p) => p.type === "timeZoneName")?.value;
}

/** `GMT+05:30` → 19800, `GMT-08:00` → -28800, `GMT` → 0. */
function parseOffset(text: string): number {
  const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(text);
  if (!match) return 0;
  const sign = match[1] === "-" ? -1 : 1;
  return sign * (Number(match[2]) * 3600 + Number(match[3] ?? "0") * 60);
}
