// The tables of a workshop record file (XLSX sheets, or one CSV file each) and the column headings each accepts.
// Headings compare lower-case with spaces, dashes and underscores alike; the first name is the one `export` writes.
// `analyze` reads the same files: its sheets (projects, results, interests) use the names it knows.

export const TABLES = [
  "workshop",
  "projects",
  "partners",
  "members",
  "results",
  "interests",
  "clusters",
  "unclustered",
  "work-plan",
  "history",
] as const;
export type TableName = (typeof TABLES)[number];

type Columns = Record<string, string[]>;

/** Canonical field → accepted headings (the first is written by export). */
export const COLUMNS: Record<Exclude<TableName, "workshop">, Columns> = {
  projects: {
    id: ["id", "project id"],
    acronym: ["acronym", "project", "project acronym"],
    title: ["title", "project title"],
    summary: ["summary", "project summary"],
    programme: ["programme", "program", "call"],
    partners: ["partners", "partner organisations"],
    members: ["members", "member emails"],
  },
  partners: {
    project: ["project", "project id", "acronym"],
    name: ["name", "partner", "organisation", "organization"],
    country: ["country"],
  },
  members: {
    project: ["project", "project id", "acronym"],
    name: ["name", "member", "full name"],
    email: ["email", "e-mail", "email address"],
    platformUser: ["platform user", "platform user id", "chat user", "slack user", "teams user"],
  },
  results: {
    id: ["id", "result", "result id"],
    project: ["project", "project id"],
    projectAcronym: ["project acronym"],
    projectTitle: ["project title"],
    title: ["title", "result title"],
    description: ["description"],
    type: ["type"],
    keywords: ["keywords"],
    usp: ["usp", "unique selling point"],
    trlNow: ["trl", "trl now"],
    trlExpected: ["trl expected", "expected trl"],
    owners: ["owners", "owner partners"],
    iprWithin: ["ipr within", "ipr within the project"],
    iprProtection: ["ipr protection", "protection"],
    iprOutside: ["ipr outside", "ipr outside the project", "freedom to operate"],
    market: ["market", "target market", "target users"],
    timeToMarket: ["time to market"],
    needs: ["needs", "what is needed", "needed to exploit it"],
    status: ["status"],
    interests: ["interests", "interested projects"],
  },
  interests: {
    project: ["project", "project id", "interested project"],
    result: ["result", "result id"],
    level: ["level"],
    kind: ["kind"],
    note: ["note", "why"],
  },
  clusters: {
    id: ["id", "cluster"],
    label: ["label"],
    status: ["status"],
    cohesion: ["cohesion"],
    results: ["results", "result ids"],
    explanation: ["explanation", "why"],
  },
  unclustered: {
    result: ["result", "result id"],
    nearest: ["nearest", "nearest cluster"],
  },
  "work-plan": {
    cluster: ["cluster"],
    activity: ["activity"],
    lead: ["lead", "lead partner"],
    contributors: ["contributors"],
    start: ["start"],
    end: ["end"],
    milestone: ["milestone"],
    resources: ["resources"],
    benefit: ["benefit", "expected benefit"],
    status: ["status"],
    followUp: ["follow up", "follow-up"],
  },
  history: {
    at: ["at", "when", "time"],
    by: ["by", "who"],
    action: ["action", "what"],
    cluster: ["cluster"],
  },
};

export const REQUIRED: Record<Exclude<TableName, "workshop">, string[]> = {
  projects: ["acronym"],
  partners: ["project", "name"],
  members: ["project"],
  results: ["id", "project", "title"],
  interests: ["project", "result"],
  clusters: ["id", "label", "results"],
  unclustered: ["result"],
  "work-plan": ["cluster", "activity"],
  history: ["at", "by", "action"],
};

/** The heading export writes for a field, e.g. trlNow → "trl", platformUser → "platform_user". */
export function headingOf(table: Exclude<TableName, "workshop">, field: string): string {
  return COLUMNS[table][field]![0]!.replace(/ /g, "_");
}

export const normaliseHeading = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/** Column letter(s) of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Lists in one cell: "a; b; c" (also new lines). */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}
